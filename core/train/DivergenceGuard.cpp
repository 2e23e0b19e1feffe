#include "core/train/DivergenceGuard.h"

#include "core/train/TerminateOnNaN.h"
#include "core/train/Trainer.h"

#include <cassert>
#include <cmath>
#include <cstdio>

namespace loupe {

DivergenceGuard::DivergenceGuard(double factor, int patience)
    : m_factor(factor), m_patience(patience), m_reference(std::nan(""))
{
    assert(factor > 1.0 && patience >= 1);
}

CallbackAction DivergenceGuard::onTrainBegin(Trainer &)
{
    m_reference = std::nan("");
    m_above = 0;
    return CallbackAction::Continue;
}

CallbackAction DivergenceGuard::onBatchEnd(Trainer &trainer, const BatchStats &stats)
{
    if (!std::isfinite(stats.loss))
        return CallbackAction::Continue;
    if (std::isnan(m_reference)) {
        m_reference = std::abs(stats.loss);
        return CallbackAction::Continue;
    }
    if (!(m_reference > 0.0) || stats.loss <= m_factor * m_reference) {
        m_above = 0;
        return CallbackAction::Continue;
    }
    ++m_above;
    const bool far = stats.loss > m_factor * m_factor * m_reference;
    if (m_above < m_patience && !far)
        return CallbackAction::Continue;
    char reason[128];
    if (far)
        std::snprintf(reason, sizeof reason, " (more than %g x the first batch loss %g)", m_factor * m_factor, m_reference);
    else if (m_patience > 1)
        std::snprintf(reason, sizeof reason, " (more than %g x the first batch loss %g for %d batches in a row)", m_factor,
                      m_reference, m_patience);
    else
        std::snprintf(reason, sizeof reason, " (more than %g x the first batch loss %g)", m_factor, m_reference);
    trainer.stopWith(Status::error(StatusCode::Failed, TerminateOnNaN::message(stats.epoch, stats.step, stats.loss) + reason),
                     StopReason::Diverged);
    return CallbackAction::Stop;
}

} // namespace loupe
