#pragma once
// The metrics of one training epoch. Stored one row per (run, epoch, name) in epoch_metrics,
// so callbacks may add metrics of their own in `extra`.
// Value convention: nullopt = not measured (no row); a non-finite value (NaN, +-inf) is stored
// as NULL and reads back as NaN, so a diverged epoch stays visible.

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace loupe {

struct EpochMetrics {
    int epoch = 0;                           // 0-based or 1-based, as the trainer counts
    std::optional<double> loss;              // stored as "loss"
    std::optional<double> accuracy;          // "accuracy"
    std::optional<double> valLoss;           // "val_loss"
    std::optional<double> valAccuracy;       // "val_accuracy"
    std::optional<double> learningRate;      // "lr"
    std::optional<double> seconds;           // "seconds": wall time of the epoch
    std::vector<std::pair<QString, double>> extra; // other names (e.g. "grad_norm"), sorted by name on read
};

} // namespace loupe
