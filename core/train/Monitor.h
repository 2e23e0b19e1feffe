#pragma once
// Tracks the best value of one epoch metric with Keras' improvement rule, shared by
// EarlyStopping and ModelCheckpoint.
//   Min: improved when value < best - minDelta;  Max: improved when value > best + minDelta.
//   Auto: Max for names containing "acc", Min otherwise (Keras' rule).

#include "core/train/TrainingStats.h"

#include <optional>
#include <string>

namespace loupe {

enum class MonitorMode { Auto, Min, Max };

class Monitor {
public:
    // requires: minDelta >= 0.
    Monitor(std::string metric, MonitorMode mode, double minDelta);

    const std::string &metric() const { return m_metric; }
    MonitorMode resolvedMode() const { return m_mode; }
    std::optional<double> best() const { return m_best; }
    void reset() { m_best.reset(); }

    // The metric's value in stats, or an InvalidInput status naming the metric (e.g. val_loss
    // without validation data, or an unknown name).
    Result<double> valueIn(const EpochStats &stats) const;

    // True (and remembers value as the best) when value improves on the best so far; the first
    // finite value always does. NaN never does.
    bool improve(double value);

private:
    std::string m_metric;
    MonitorMode m_mode;
    double m_minDelta;
    std::optional<double> m_best;
};

} // namespace loupe
