#include "core/optim/Schedule.h"

namespace loupe {

Schedule::~Schedule() = default;

std::vector<double> Schedule::sample(std::int64_t count) const
{
    std::vector<double> rates;
    rates.reserve(static_cast<std::size_t>(count > 0 ? count : 0));
    for (std::int64_t t = 0; t < count; ++t)
        rates.push_back(learningRate(static_cast<double>(t)));
    return rates;
}

} // namespace loupe
