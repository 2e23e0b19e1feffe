#include "core/train/History.h"

namespace loupe {

CallbackAction History::onTrainBegin(Trainer &)
{
    m_epochs.clear();
    m_stepLosses.clear();
    m_stepLearningRates.clear();
    return CallbackAction::Continue;
}

CallbackAction History::onBatchEnd(Trainer &, const BatchStats &stats)
{
    m_stepLosses.push_back(stats.loss);
    m_stepLearningRates.push_back(stats.learningRate);
    return CallbackAction::Continue;
}

CallbackAction History::onEpochEnd(Trainer &, const EpochStats &stats)
{
    m_epochs.push_back(stats);
    return CallbackAction::Continue;
}

std::vector<double> History::series(std::string_view metric) const
{
    std::vector<double> values;
    values.reserve(m_epochs.size());
    for (const EpochStats &epoch : m_epochs)
        values.push_back(epoch.metric(metric).value_or(EpochStats::s_missing));
    return values;
}

} // namespace loupe
