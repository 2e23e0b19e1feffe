#pragma once
// How loupe-cli search and worker present trials: one text line per finished trial, and the JSON
// forms {"number", "state", "params", "loss", "seconds"[, "error"]} and the best trial
// {"number", "loss", "params", "indices"} (params with choices resolved to their values,
// indices = hyperas' best_run: the option index of every active choice).

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace loupe::cli {

class SearchReport {
public:
    // "trial  12  COMPLETE  loss 0.51234  0.02 s  x1=-3.1, x2=12.2" (+ "  best 0.40 (trial 7)").
    static std::string trialLine(const Trial &trial, const SearchSpace &space, const std::optional<Trial> &best);
    static nlohmann::ordered_json trialJson(const Trial &trial, const SearchSpace &space);
    // null when no trial completed.
    static nlohmann::ordered_json bestJson(const std::optional<Trial> &best, const SearchSpace &space);
    static nlohmann::ordered_json trialsJson(const std::vector<Trial> &trials, const SearchSpace &space);
    // "x1=-3.1, kind=bowl, ..." (the values of the active parameters).
    static std::string paramsText(const Trial &trial, const SearchSpace &space);
};

} // namespace loupe::cli
