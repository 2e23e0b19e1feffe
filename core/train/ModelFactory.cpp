#include "core/train/ModelFactory.h"

#include "core/nn/ActivationLayer.h"
#include "core/nn/BinaryCrossEntropy.h"
#include "core/nn/Dense.h"
#include "core/nn/Dropout.h"
#include "core/nn/MeanSquaredError.h"
#include "core/nn/SoftmaxCrossEntropy.h"
#include "core/optim/Adam.h"
#include "core/optim/RmsProp.h"
#include "core/optim/Sgd.h"
#include "core/train/Trainer.h"

namespace loupe {

namespace {
// The activation the loss absorbs for this spec (Linear when none).
Activation fusedActivation(const ModelSpec &spec)
{
    const Activation last = spec.layers.back().activation;
    if (spec.loss == LossKind::CategoricalCrossEntropy && last == Activation::Softmax)
        return Activation::Softmax;
    if (spec.loss == LossKind::BinaryCrossEntropy && last == Activation::Sigmoid)
        return Activation::Sigmoid;
    return Activation::Linear;
}
} // namespace

Result<Sequential> ModelFactory::buildModel(const ModelSpec &spec, Index dataFeatures)
{
    if (spec.layers.empty())
        return Status::invalidInput("layers: expected a non-empty array of layers");
    Index features = dataFeatures;
    if (spec.inputFeatures > 0) {
        if (dataFeatures > 0 && dataFeatures != spec.inputFeatures) {
            return Status::invalidInput("input.features: the spec says " + std::to_string(spec.inputFeatures)
                                        + " but the data has " + std::to_string(dataFeatures) + " features");
        }
        features = spec.inputFeatures;
    }
    if (features <= 0)
        return Status::invalidInput("input.features: unknown (give it in the spec or train on data)");

    const Activation fused = fusedActivation(spec);
    Sequential model;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec &layer = spec.layers[i];
        const bool isLast = i + 1 == spec.layers.size();
        const Activation activation = isLast && fused != Activation::Linear ? Activation::Linear : layer.activation;
        switch (layer.kind) {
        case LayerKind::Dense:
            model.add(std::make_unique<Dense>(layer.units, activation, layer.kernelInitializer));
            break;
        case LayerKind::Dropout:
            model.add(std::make_unique<Dropout>(layer.rate));
            break;
        case LayerKind::Activation:
            model.add(std::make_unique<ActivationLayer>(activation));
            break;
        }
    }
    model.setPredictionActivation(fused);
    const Status status = model.build(features, spec.seed);
    if (!status.isOk())
        return status;
    return model;
}

std::unique_ptr<Optimizer> ModelFactory::buildOptimizer(const OptimizerSpec &spec)
{
    std::unique_ptr<Optimizer> optimizer;
    switch (spec.kind) {
    case OptimizerKind::Sgd:
        optimizer = std::make_unique<Sgd>(spec.sgd);
        break;
    case OptimizerKind::RmsProp:
        optimizer = std::make_unique<RmsProp>(spec.rmsprop);
        break;
    case OptimizerKind::Adam:
        optimizer = std::make_unique<Adam>(spec.adam);
        break;
    }
    optimizer->setGradientClipping(spec.clipping);
    return optimizer;
}

std::unique_ptr<Loss> ModelFactory::buildLoss(const ModelSpec &spec)
{
    const Activation fused = fusedActivation(spec);
    switch (spec.loss) {
    case LossKind::CategoricalCrossEntropy:
        return std::make_unique<SoftmaxCrossEntropy>();
    case LossKind::BinaryCrossEntropy:
        return std::make_unique<BinaryCrossEntropy>(fused == Activation::Sigmoid ? BinaryInput::Logits
                                                                                  : BinaryInput::Probabilities);
    case LossKind::MeanSquaredError:
        return std::make_unique<MeanSquaredError>();
    }
    return std::make_unique<MeanSquaredError>();
}

Status ModelFactory::configureTrainer(const ModelSpec &spec, Trainer &trainer)
{
    Status status = trainer.setEpochs(spec.epochs);
    if (status.isOk())
        status = trainer.setBatchSize(spec.batchSize);
    if (status.isOk())
        status = trainer.setValidationSplit(spec.validationSplit.value_or(0.0));
    trainer.setSeed(spec.seed);
    trainer.setShuffle(spec.shuffle ? Shuffle::EachEpoch : Shuffle::Never);
    return status;
}

} // namespace loupe
