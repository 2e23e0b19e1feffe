#pragma once
// An 'lr-find' run as JSON, written here only: the config a run stores and the result it stores as
// its summary, which `loupe-cli lr-find --json` prints (plus "run_id") and the Learning-rate page
// reads back. The CLI and the page write the same documents.
//   config: {"mode": "range", "start", "factor", "steps", "fraction", "seed", "data", "spec", "feature_plan"}
//        or {"mode": "onepass", "start", "end", "steps", "beta", "seed", "data", "spec", "feature_plan"}
//   result: {"mode", "points": [{"lr", "loss", "raw_loss" (one pass), "diverged"}],
//            "suggestions": {"recommended", "method", "minimum", "loss_minimum_lr", "steep", "valley"},
//            "seconds", "status": "completed" | "cancelled"}
// Numbers that are not finite (a diverged loss) and suggestions not made are null.

#include "core/lr/LrFindResult.h"
#include "core/lr/LrFindSettings.h"
#include "core/lr/RunSubject.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

// What a stored config tells a reader of runs: the finder and what it ran on. Missing or
// mistyped keys read as OnePass / empty.
struct LrFindRunConfig {
    LrFindMode mode = LrFindMode::OnePass;
    bool verify = false; // config mode "verify": an lr-verify run (core/lr/LrVerifyJson.h), not a search
    RunSubject subject;
};

nlohmann::ordered_json lrFindConfigJson(const LrFindSettings &settings, const ModelSpec &spec,
                                        const TrainingData &data);
LrFindRunConfig lrFindConfigFromJson(const std::string &configJson);

nlohmann::ordered_json lrFindResultJson(const LrFindResult &result);
// The inverse, for stored runs: points, suggestions, mode, seconds and status; InvalidInput naming
// the key.
Result<LrFindResult> lrFindResultFromJson(const std::string &summaryJson);

} // namespace loupe
