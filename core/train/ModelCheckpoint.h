#pragma once
// Saves the model's weights (WeightsFile format) at epoch end (Keras' ModelCheckpoint with
// save_weights_only). SaveMode::BestOnly writes only when the monitored metric improves;
// EveryEpoch writes every time. "{epoch}" in the path is replaced by the 1-based epoch, two
// digits at least (Keras' {epoch:02d}). A write failure ends the run with the IoError.

#include "core/train/Callback.h"
#include "core/train/Monitor.h"

#include <string>
#include <vector>

namespace loupe {

enum class SaveMode { BestOnly, EveryEpoch };

class ModelCheckpoint : public Callback {
public:
    struct Options {
        std::string path;
        std::string monitor = "val_loss";
        MonitorMode mode = MonitorMode::Auto;
        SaveMode saveMode = SaveMode::BestOnly;
    };

    explicit ModelCheckpoint(Options options);

    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onEpochEnd(Trainer &trainer, const EpochStats &stats) override;

    // Paths written so far in this run, oldest first.
    const std::vector<std::string> &savedPaths() const { return m_saved; }
    std::string pathForEpoch(int epoch) const;

private:
    Options m_options;
    Monitor m_monitor;
    std::vector<std::string> m_saved;
};

} // namespace loupe
