#include "core/optim/StepDecaySchedule.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace loupe {

StepDecaySchedule::StepDecaySchedule(double lr0, double stepSize, double gamma)
    : m_lr0(lr0)
    , m_stepSize(stepSize)
    , m_gamma(gamma)
{
    assert(std::isfinite(lr0) && lr0 >= 0.0);
    assert(std::isfinite(stepSize) && stepSize >= 1.0);
    assert(std::isfinite(gamma) && gamma > 0.0);
}

double StepDecaySchedule::learningRate(double t) const
{
    const double rate = m_lr0 * std::pow(m_gamma, std::floor(t / m_stepSize));
    // gamma > 1 grows without bound: saturate to a finite value the trainer then rejects by name.
    return std::isfinite(rate) ? rate : std::numeric_limits<double>::max();
}

std::unique_ptr<Schedule> StepDecaySchedule::clone() const
{
    return std::make_unique<StepDecaySchedule>(*this);
}

} // namespace loupe
