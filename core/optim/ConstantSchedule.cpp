#include "core/optim/ConstantSchedule.h"

#include <cassert>
#include <cmath>

namespace loupe {

ConstantSchedule::ConstantSchedule(double learningRate)
    : m_learningRate(learningRate)
{
    assert(std::isfinite(learningRate) && learningRate >= 0.0);
}

double ConstantSchedule::learningRate(double) const
{
    return m_learningRate;
}

std::unique_ptr<Schedule> ConstantSchedule::clone() const
{
    return std::make_unique<ConstantSchedule>(*this);
}

} // namespace loupe
