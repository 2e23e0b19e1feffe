#include "core/optim/CosineAnnealSchedule.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace loupe {

CosineAnnealSchedule::CosineAnnealSchedule(double lr0, double length, CosineCycle cycle)
    : m_lr0(lr0)
    , m_length(length)
    , m_cycle(cycle)
{
    assert(std::isfinite(lr0) && lr0 >= 0.0);
    assert(std::isfinite(length) && length >= 1.0);
}

double CosineAnnealSchedule::learningRate(double t) const
{
    if (m_cycle == CosineCycle::Clamp)
        t = std::min(t, m_length - 1.0);
    const double phase = std::fmod(t, m_length);
    return m_lr0 / 2.0 * (std::cos(std::numbers::pi * phase / m_length) + 1.0);
}

std::unique_ptr<Schedule> CosineAnnealSchedule::clone() const
{
    return std::make_unique<CosineAnnealSchedule>(*this);
}

} // namespace loupe
