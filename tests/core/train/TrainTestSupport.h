#pragma once
// Small deterministic data sets and a spec-built model + trainer bundle for the trainer tests.

#include "core/train/ModelSpec.h"
#include "core/util/RandomGenerator.h"
#include "core/train/ModelFactory.h"
#include "core/train/Trainer.h"

#include <cmath>
#include <memory>
#include <string>

namespace loupe::test {

inline TrainingSet xorSet()
{
    return TrainingSet::create({0, 0, 0, 1, 1, 0, 1, 1}, 2, {0, 1, 1, 0}, 1).takeValue();
}

// Two Gaussian blobs (sd 0.5) around (-2, -1) and (2, 1), labels one-hot, classes interleaved.
inline TrainingSet blobs(Index rows, std::uint64_t seed)
{
    RandomGenerator rng(seed);
    std::vector<float> features;
    std::vector<std::uint8_t> labels;
    for (Index r = 0; r < rows; ++r) {
        const int label = static_cast<int>(r % 2);
        const float sign = label == 0 ? -1.0f : 1.0f;
        features.push_back(sign * 2.0f + 0.5f * static_cast<float>(rng.normal()));
        features.push_back(sign * 1.0f + 0.5f * static_cast<float>(rng.normal()));
        labels.push_back(static_cast<std::uint8_t>(label));
    }
    return TrainingSet::fromLabels(std::move(features), 2, labels, 2).takeValue();
}

// A model, its trainer and the spec they came from.
struct Setup {
    ModelSpec spec;
    std::unique_ptr<Sequential> model;
    std::unique_ptr<Trainer> trainer;
};

inline Setup setupFromSpec(const std::string &json, Index features)
{
    Setup setup;
    auto spec = ModelSpec::parse(json);
    Q_ASSERT_X(spec.isOk(), "setupFromSpec", spec.message().c_str());
    setup.spec = spec.takeValue();
    auto model = ModelFactory::buildModel(setup.spec, features);
    Q_ASSERT_X(model.isOk(), "setupFromSpec", model.message().c_str());
    setup.model = std::make_unique<Sequential>(model.takeValue());
    setup.trainer = std::make_unique<Trainer>(*setup.model, ModelFactory::buildOptimizer(setup.spec.optimizer),
                                              ModelFactory::buildLoss(setup.spec));
    const Status status = ModelFactory::configureTrainer(setup.spec, *setup.trainer);
    Q_ASSERT_X(status.isOk(), "setupFromSpec", status.message().c_str());
    return setup;
}

// A small softmax classifier for the blobs; optimizer JSON and extra top-level keys spliced in.
inline std::string blobSpec(const std::string &optimizer, int epochs, const std::string &extra = "")
{
    return R"({"layers": [{"type": "dense", "units": 8, "activation": "relu"}, {"type": "dropout", "rate": 0.1},
                          {"type": "dense", "units": 2, "activation": "softmax"}],
               "loss": "categorical_crossentropy", "batch_size": 16, "seed": 3, "optimizer": )"
        + optimizer + ", \"epochs\": " + std::to_string(epochs) + extra + "}";
}

} // namespace loupe::test
