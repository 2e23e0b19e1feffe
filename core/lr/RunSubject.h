#pragma once
// What a learning-rate run (lr-find, snapshot) ran on, as the tail of its stored config:
//   {..., "data": TrainingData::source ("fashion-mnist", a CSV's name), "spec": ModelSpec::toJson(),
//    "feature_plan": FeaturePlan::toJson() (the columns used and left out, why; null for Fashion-MNIST)}
// written and read here for both kinds of run.

#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

struct RunSubject {
    std::string data;     // TrainingData::source
    std::string specName; // the spec's "name"

    // Appends "data", "spec" and "feature_plan" to `config`.
    static void addTo(nlohmann::ordered_json &config, const ModelSpec &spec, const TrainingData &data);
    // From a stored config object; a missing or mistyped key reads as empty.
    static RunSubject of(const nlohmann::json &config);
};

} // namespace loupe
