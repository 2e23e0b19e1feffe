#include "core/optim/WarmRestartsSchedule.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace loupe {

WarmRestartsSchedule::WarmRestartsSchedule(double etaMax, double t0, int tMult, double etaMin)
    : m_etaMax(etaMax)
    , m_t0(t0)
    , m_tMult(tMult)
    , m_etaMin(etaMin)
{
    assert(std::isfinite(etaMax) && etaMax >= 0.0);
    assert(std::isfinite(etaMin) && etaMin >= 0.0 && etaMin <= etaMax);
    assert(std::isfinite(t0) && t0 >= 1.0);
    assert(tMult >= 1);
}

WarmRestartsSchedule::Position WarmRestartsSchedule::position(double t) const
{
    Position where;
    if (m_tMult == 1) {
        where.period = m_t0;
        where.restarts = std::floor(t / m_t0);
        where.sinceRestart = std::clamp(t - where.restarts * m_t0, 0.0, m_t0);
        return where;
    }
    // Subtracting whole periods keeps integer boundaries exact (no log rounding); the loop runs
    // once per restart, so at most ~log2(t / t0) times.
    where.period = m_t0;
    where.sinceRestart = t;
    while (where.sinceRestart >= where.period) {
        where.sinceRestart -= where.period;
        where.period *= static_cast<double>(m_tMult);
        where.restarts += 1.0;
    }
    return where;
}

double WarmRestartsSchedule::learningRate(double t) const
{
    const Position where = position(t);
    // Halve before multiplying (exact, so the same rates): (eta_max - eta_min) * 2 overflows for eta_max > 9e307.
    return m_etaMin
           + (m_etaMax - m_etaMin) / 2.0 * (1.0 + std::cos(std::numbers::pi * where.sinceRestart / where.period));
}

std::unique_ptr<Schedule> WarmRestartsSchedule::clone() const
{
    return std::make_unique<WarmRestartsSchedule>(*this);
}

} // namespace loupe
