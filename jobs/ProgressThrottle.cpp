#include "jobs/ProgressThrottle.h"

#include <cmath>

namespace loupe {

ProgressThrottle::ProgressThrottle(qint64 minIntervalMs, double minStep)
    : m_minIntervalMs(minIntervalMs), m_minStep(minStep)
{
}

bool ProgressThrottle::shouldEmit(double fraction, const QString &stage)
{
    const bool first = !m_sentAny;
    const bool newStage = stage != m_lastStage;
    const bool last = fraction >= 1.0 && m_lastFraction < 1.0;
    const bool due = m_clock.isValid() && m_clock.elapsed() >= m_minIntervalMs
        && std::abs(fraction - m_lastFraction) >= m_minStep;
    if (!(first || newStage || last || due))
        return false;
    m_sentAny = true;
    m_lastFraction = fraction;
    m_lastStage = stage;
    m_clock.start();
    return true;
}

void ProgressThrottle::reset()
{
    m_sentAny = false;
    m_lastFraction = 0.0;
    m_lastStage.clear();
    m_clock.invalidate();
}

} // namespace loupe
