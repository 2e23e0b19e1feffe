#pragma once
// Records every epoch's statistics and every step's loss and learning rate (Keras' History,
// plus the per-step series the learning-rate and diagnosis pages plot).
// Cleared at each onTrainBegin.

#include "core/train/Callback.h"

#include <string_view>
#include <vector>

namespace loupe {

class History : public Callback {
public:
    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;
    CallbackAction onEpochEnd(Trainer &trainer, const EpochStats &stats) override;

    const std::vector<EpochStats> &epochs() const { return m_epochs; }
    const std::vector<double> &stepLosses() const { return m_stepLosses; }
    const std::vector<double> &stepLearningRates() const { return m_stepLearningRates; }
    // One value per epoch for a metric name of EpochStats::metric(); NaN where it is missing.
    std::vector<double> series(std::string_view metric) const;

private:
    std::vector<EpochStats> m_epochs;
    std::vector<double> m_stepLosses;
    std::vector<double> m_stepLearningRates;
};

} // namespace loupe
