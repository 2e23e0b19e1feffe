#include "core/train/TrainingStats.h"

namespace loupe {

std::optional<double> EpochStats::metric(std::string_view name) const
{
    if (name == "loss")
        return loss;
    if (name == "accuracy" || name == "acc")
        return accuracy;
    if (name == "lr" || name == "learning_rate")
        return learningRate;
    if (name == "seconds")
        return seconds;
    if (!hasValidation())
        return std::nullopt;
    if (name == "val_loss")
        return valLoss;
    if (name == "val_accuracy" || name == "val_acc")
        return valAccuracy;
    return std::nullopt;
}

} // namespace loupe
