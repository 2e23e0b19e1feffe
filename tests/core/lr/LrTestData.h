#pragma once
// Small seeded classification data for the learning-rate tests: three overlapping 2-D Gaussian
// blobs (so no model is perfect and snapshots disagree), cut into train / validation / test.

#include "core/train/ModelSpec.h"
#include "core/util/RandomGenerator.h"
#include "core/train/TrainingData.h"

#include <cstdint>
#include <vector>

namespace loupe::testing {

inline TrainingSet blobs(int rows, std::uint64_t seed, double spread)
{
    RandomGenerator rng(seed);
    const double centres[3][2] = {{-1.0, 0.0}, {1.0, 0.0}, {0.0, 1.5}};
    std::vector<float> features;
    std::vector<std::uint8_t> labels;
    for (int r = 0; r < rows; ++r) {
        const auto label = static_cast<std::uint8_t>(rng.below(3));
        features.push_back(static_cast<float>(centres[label][0] + spread * rng.normal()));
        features.push_back(static_cast<float>(centres[label][1] + spread * rng.normal()));
        labels.push_back(label);
    }
    return TrainingSet::fromLabels(std::move(features), 2, labels, 3).takeValue();
}

inline TrainingData blobData(int trainRows, int validationRows, int testRows, double spread = 0.9)
{
    TrainingData data;
    data.train = blobs(trainRows, 11, spread);
    data.validation = blobs(validationRows, 12, spread);
    data.test = blobs(testRows, 13, spread);
    data.task = TaskKind::Classification;
    data.classLabels = {"a", "b", "c"};
    data.featureNames = {"x", "y"};
    data.source = "blobs";
    return data;
}

inline ModelSpec blobSpec(const char *optimizer = R"({"type": "sgd", "learning_rate": 0.1})")
{
    const std::string json = std::string(R"({"name": "blob-mlp", "layers": [
        {"type": "dense", "units": 32, "activation": "relu"},
        {"type": "dense", "units": 3, "activation": "softmax"}],
        "optimizer": )") + optimizer + R"(, "loss": "categorical_crossentropy", "batch_size": 16, "seed": 5})";
    return ModelSpec::parse(json).takeValue();
}

} // namespace loupe::testing
