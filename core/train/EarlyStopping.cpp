#include "core/train/EarlyStopping.h"

#include "core/train/Trainer.h"

#include <cassert>

namespace loupe {

EarlyStopping::EarlyStopping(Options options)
    : m_options(std::move(options))
    , m_monitor(m_options.monitor, m_options.mode, m_options.minDelta)
{
    assert(m_options.patience >= 0 && m_options.minDelta >= 0.0);
}

CallbackAction EarlyStopping::onTrainBegin(Trainer &)
{
    m_monitor.reset();
    m_wait = 0;
    m_stoppedEpoch = -1;
    m_bestEpoch = -1;
    m_bestWeights.clear();
    return CallbackAction::Continue;
}

CallbackAction EarlyStopping::onEpochEnd(Trainer &trainer, const EpochStats &stats)
{
    const Result<double> value = m_monitor.valueIn(stats);
    if (!value.isOk()) {
        trainer.stopWith(Status::invalidInput("EarlyStopping: " + value.message()));
        return CallbackAction::Stop;
    }
    ++m_wait;
    if (m_monitor.improve(value.value())) {
        m_bestEpoch = stats.epoch;
        m_wait = 0;
        if (m_options.restoreBestWeights == RestoreBestWeights::On)
            m_bestWeights = trainer.model().weights();
        return CallbackAction::Continue;
    }
    if (m_wait >= m_options.patience && stats.epoch > 0) {
        m_stoppedEpoch = stats.epoch;
        if (m_options.restoreBestWeights == RestoreBestWeights::On && !m_bestWeights.empty())
            trainer.model().setWeights(m_bestWeights);
        return CallbackAction::Stop;
    }
    return CallbackAction::Continue;
}

} // namespace loupe
