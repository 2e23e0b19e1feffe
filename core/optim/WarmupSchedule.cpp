#include "core/optim/WarmupSchedule.h"

#include <cassert>
#include <cmath>

namespace loupe {

WarmupSchedule::WarmupSchedule(std::unique_ptr<Schedule> inner, double warmup)
    : m_inner(std::move(inner))
    , m_warmup(warmup)
{
    assert(m_inner);
    assert(std::isfinite(warmup) && warmup >= 1.0);
}

double WarmupSchedule::learningRate(double t) const
{
    if (t < m_warmup)
        return m_inner->learningRate(0.0) * (t + 1.0) / (m_warmup + 1.0);
    return m_inner->learningRate(t - m_warmup);
}

std::unique_ptr<Schedule> WarmupSchedule::clone() const
{
    return std::make_unique<WarmupSchedule>(m_inner->clone(), m_warmup);
}

} // namespace loupe
