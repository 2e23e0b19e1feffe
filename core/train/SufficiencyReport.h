#pragma once
// Is the data up to the task? The chapter's rules of thumb as checks with a plain verdict each
// (docs/scaling.md, "Sufficiency"). Produced by SufficiencyAnalyzer.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace loupe {

enum class Verdict { Ok, Warning, Insufficient };

// "ok", "warning", "insufficient".
std::string verdictName(Verdict verdict);

struct SufficiencyCheck {
    std::string id;     // samples_per_class, samples_per_feature, samples_per_parameter, class_imbalance,
                        // duplicate_rows, constant_columns, missing_values
    std::string title;  // "Samples per class"
    Verdict verdict = Verdict::Ok;
    std::string reason; // one sentence saying why
    double value = std::numeric_limits<double>::quiet_NaN();    // what was measured (NaN: not applicable)
    double required = std::numeric_limits<double>::quiet_NaN(); // the bound for "ok" (NaN: none)
    std::vector<std::pair<std::string, double>> items; // per class counts, per column shares, constant columns
    std::vector<std::size_t> rows;                     // duplicate_rows: first duplicate rows (0-based)
};

struct SufficiencyReport {
    std::size_t rows = 0;
    std::size_t features = 0;     // encoded features (one-hot levels counted), without the target
    std::size_t parameters = 0;   // of the model spec; 0 without a spec
    std::string task;             // "classification" or "regression"
    std::vector<SufficiencyCheck> checks;

    // The worst verdict of all checks.
    Verdict overall() const;
    const SufficiencyCheck *find(const std::string &id) const;
    // {"rows","features","parameters","task","verdict","checks":[{"id","title","verdict","reason","value",
    //  "required","items":{name:value},"rows":[...]}]}
    nlohmann::ordered_json toJson() const;
};

} // namespace loupe
