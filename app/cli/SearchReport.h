#pragma once
// How loupe-cli search and worker present trials: one text line per finished trial, and the JSON
// forms {"number", "state", "params", "loss", "seconds"[, "error"][, "run_id"]} and the best trial
// {"number", "loss", "params", "indices"} (params with choices resolved to their values,
// indices = hyperas' best_run: the option index of every active choice).

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loupe::cli {

class SearchReport {
public:
    // "trial  12  COMPLETE  loss 0.51234  0.02 s  x1=-3.1, x2=12.2" (+ "  best 0.40 (trial 7)").
    static std::string trialLine(const Trial &trial, const SearchSpace &space, const std::optional<Trial> &best);
    // runId: the trial's recorded training run, added as "run_id" when given.
    static nlohmann::ordered_json trialJson(const Trial &trial, const SearchSpace &space,
                                            std::optional<std::int64_t> runId = std::nullopt);
    // null when no trial completed.
    static nlohmann::ordered_json bestJson(const std::optional<Trial> &best, const SearchSpace &space);
    // runIds: trial number -> recorded training run ("run_id" of the trials that have one).
    static nlohmann::ordered_json trialsJson(const std::vector<Trial> &trials, const SearchSpace &space,
                                             const std::map<int, std::int64_t> &runIds = {});
    // "x1=-3.1, kind=bowl, ..." (the values of the active parameters).
    static std::string paramsText(const Trial &trial, const SearchSpace &space);
};

} // namespace loupe::cli
