#include "core/train/TrainingOverrides.h"

#include "core/optim/LearningRateLimits.h"
#include "core/util/NumberText.h"

namespace loupe {

Status TrainingOverrides::applyTo(ModelSpec &spec) const
{
    if (epochs && *epochs < 1)
        return Status::invalidInput("epochs: expected a positive integer, got " + std::to_string(*epochs));
    if (batchSize && *batchSize < 1)
        return Status::invalidInput("batch_size: expected a positive integer, got " + std::to_string(*batchSize));
    if (learningRate && !LearningRateLimits::isAllowed(*learningRate))
        return Status::invalidInput("learning_rate: expected " + LearningRateLimits::allowedText() + ", got "
                                    + numberText("%g", *learningRate));
    if (schedule) {
        if (Status valid = schedule->validate(); !valid.isOk())
            return Status::invalidInput("schedule." + valid.message());
    }
    if (epochs)
        spec.epochs = *epochs;
    if (batchSize)
        spec.batchSize = *batchSize;
    if (seed)
        spec.seed = *seed;
    if (schedule)
        spec.schedule = schedule;
    if (learningRate) {
        const auto rate = static_cast<float>(*learningRate);
        switch (spec.optimizer.kind) {
        case OptimizerKind::Sgd:
            spec.optimizer.sgd.learningRate = rate;
            break;
        case OptimizerKind::RmsProp:
            spec.optimizer.rmsprop.learningRate = rate;
            break;
        case OptimizerKind::Adam:
            spec.optimizer.adam.learningRate = rate;
            break;
        }
    }
    return Status::ok();
}

} // namespace loupe
