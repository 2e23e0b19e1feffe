#pragma once
// Stops training when a monitored metric has stopped improving (Keras' EarlyStopping).
// At each epoch end: if the value improves on the best by more than minDelta, remember it (and
// the weights when restoreBestWeights) and reset the wait; otherwise wait += 1 and, once
// wait >= patience (from the second epoch on), stop, restoring the best weights if asked.
// A monitor missing from the epoch's stats (val_loss without validation data) ends the run with
// InvalidInput naming it.

#include "core/util/Matrix.h"
#include "core/train/Callback.h"
#include "core/train/Monitor.h"

#include <string>
#include <vector>

namespace loupe {

enum class RestoreBestWeights { Off, On };

class EarlyStopping : public Callback {
public:
    struct Options {
        std::string monitor = "val_loss";
        double minDelta = 0.0; // >= 0
        int patience = 0;      // >= 0
        MonitorMode mode = MonitorMode::Auto;
        RestoreBestWeights restoreBestWeights = RestoreBestWeights::Off;
    };

    explicit EarlyStopping(Options options);

    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onEpochEnd(Trainer &trainer, const EpochStats &stats) override;

    // 0-based epoch at which training was stopped, or -1.
    int stoppedEpoch() const { return m_stoppedEpoch; }
    // 0-based epoch of the best value, or -1.
    int bestEpoch() const { return m_bestEpoch; }
    std::optional<double> best() const { return m_monitor.best(); }

private:
    Options m_options;
    Monitor m_monitor;
    int m_wait = 0;
    int m_stoppedEpoch = -1;
    int m_bestEpoch = -1;
    std::vector<Matrix> m_bestWeights;
};

} // namespace loupe
