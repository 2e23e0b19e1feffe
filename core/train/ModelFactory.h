#pragma once
// Turns a ModelSpec into the objects that train it.
//
// The output non-linearity is fused into the loss: a last softmax with categorical_crossentropy
// becomes a linear last layer + SoftmaxCrossEntropy (from logits), a last sigmoid with
// binary_crossentropy a linear last layer + BinaryCrossEntropy(Logits). The model's
// predictionActivation() is set to that non-linearity, so predict() still returns
// probabilities. Layer indices are kept as in the spec (a last standalone activation layer
// becomes a linear one), so "layers[i]" means the same layer everywhere.

#include "core/nn/Loss.h"
#include "core/train/ModelSpec.h"
#include "core/nn/Sequential.h"
#include "core/optim/Optimizer.h"

#include <memory>

namespace loupe {

class Trainer;

class ModelFactory {
public:
    // Builds and initializes the model (seed: spec.seed) for dataFeatures inputs. When the spec
    // names input.features it must equal dataFeatures (pass 0 to take the spec's): InvalidInput
    // "input.features: ..." otherwise.
    static Result<Sequential> buildModel(const ModelSpec &spec, Index dataFeatures);
    static std::unique_ptr<Optimizer> buildOptimizer(const OptimizerSpec &spec);
    static std::unique_ptr<Loss> buildLoss(const ModelSpec &spec);
    // Epochs, batch size, seed, validation split (absent: none) and shuffling from the spec. The
    // schedule is not installed here: TrainingSession does that.
    static Status configureTrainer(const ModelSpec &spec, Trainer &trainer);
};

} // namespace loupe
