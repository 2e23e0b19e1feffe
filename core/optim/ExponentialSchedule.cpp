#include "core/optim/ExponentialSchedule.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace loupe {

ExponentialSchedule::ExponentialSchedule(double lr0, double gamma)
    : m_lr0(lr0)
    , m_gamma(gamma)
{
    assert(std::isfinite(lr0) && lr0 >= 0.0);
    assert(std::isfinite(gamma) && gamma > 0.0);
}

double ExponentialSchedule::learningRate(double t) const
{
    const double rate = m_lr0 * std::pow(m_gamma, t);
    // gamma > 1 grows without bound: saturate to a finite value the trainer then rejects by name.
    return std::isfinite(rate) ? rate : std::numeric_limits<double>::max();
}

std::unique_ptr<Schedule> ExponentialSchedule::clone() const
{
    return std::make_unique<ExponentialSchedule>(*this);
}

} // namespace loupe
