#pragma once
// A learning-rate verification (LrVerifier) as JSON, written here only: what loupe-cli lr-verify
// --json prints (plus "run_id"), what it and the Learning-rate page store as the run's summary,
// and the config they store.
//   config: {"mode": "verify", "rates": [...], "seeds": [...], "data", "spec", "feature_plan"}
//   result: {"mode": "verify", "measured_on": "test" | "validation",
//            "runs": [{"lr", "seed", "diverged", "train_loss", "loss", "accuracy",
//                      "balanced_accuracy", "average_precision", "seconds"}],
//            "rates": [{"lr", "runs", "diverged", "loss", "accuracy", "accuracy_spread",
//                       "balanced_accuracy", "average_precision"}],   (means over seeds)
//            "seconds", "status": "completed" | "cancelled"}
// Numbers that are not finite or not measured are null. Stored as an 'lr-find' run whose config
// mode is "verify" (lrFindConfigFromJson reads it as LrFindRunConfig::verify).

#include "core/lr/LrVerifier.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"

#include <nlohmann/json.hpp>

namespace loupe {

nlohmann::ordered_json lrVerifyConfigJson(const LrVerifyOptions &options, const ModelSpec &spec,
                                          const TrainingData &data);
nlohmann::ordered_json lrVerifyResultJson(const LrVerifyResult &result);

} // namespace loupe
