#pragma once
// Value types the trainer reports (copyable, safe to send across threads).
// Epochs and steps are 0-based in the API (as Keras passes them to callbacks); human-readable
// messages print them 1-based.

#include "core/util/Status.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace loupe {

struct BatchStats {
    int epoch = 0;
    int step = 0;                // within the epoch
    std::int64_t globalStep = 0; // since fit() started
    std::int64_t rows = 0;
    double loss = 0.0;
    double accuracy = 0.0;
    double learningRate = 0.0; // the rate used for this step
};

struct EpochStats {
    static constexpr double s_missing = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0;
    int steps = 0;
    double loss = s_missing;     // mean over the epoch's batches, weighted by rows (dropout on)
    double accuracy = s_missing;
    double valLoss = s_missing;  // NaN without validation data
    double valAccuracy = s_missing;
    double learningRate = s_missing; // the rate at the end of the epoch
    double seconds = 0.0;        // training and validation of this epoch

    bool hasValidation() const { return !std::isnan(valLoss); }
    // "loss", "accuracy" (or "acc"), "val_loss", "val_accuracy" (or "val_acc"), "lr", "seconds";
    // nullopt for other names and for validation metrics without validation data.
    std::optional<double> metric(std::string_view name) const;
};

// What the progress hook receives after each batch.
struct TrainProgress {
    int epoch = 0;
    int epochs = 0;
    int step = 0;
    int stepsPerEpoch = 0;
    std::int64_t globalStep = 0; // steps done so far, this one included
    std::int64_t totalSteps = 0;
    double batchLoss = 0.0;
    double fraction = 0.0; // globalStep / totalSteps
};

enum class StopReason {
    Completed,         // every epoch ran
    StoppedByCallback, // a callback asked to stop (EarlyStopping): status is still Ok
    Cancelled,         // token or progress hook: status Cancelled
    Diverged,          // non-finite loss: status Failed "diverged at epoch E, step S, loss L"
    Failed,            // bad setup or a callback's error (e.g. a checkpoint could not be written)
};

struct TrainResult {
    Status status;
    StopReason stopReason = StopReason::Completed;
    int epochsCompleted = 0;
    std::int64_t stepsCompleted = 0;
    std::optional<EpochStats> lastEpoch;
    double seconds = 0.0;
};

} // namespace loupe
