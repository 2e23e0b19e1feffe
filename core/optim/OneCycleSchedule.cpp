#include "core/optim/OneCycleSchedule.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>

namespace loupe {

OneCycleSchedule::OneCycleSchedule(const Options &options)
    : m_options(options)
{
    assert(std::isfinite(options.maxLr) && options.maxLr >= 0.0);
    assert(options.totalSteps >= 2);
    assert(options.pctStart > 0.0 && options.pctStart < 1.0);
    assert(options.divFactor > 0.0 && options.finalDivFactor > 0.0);
    const double total = static_cast<double>(options.totalSteps);
    const double warmEnd = options.pctStart * total - 1.0;
    if (options.phases == CyclePhases::Two) {
        m_phases = {{warmEnd, initialRate(), options.maxLr}, {total - 1.0, options.maxLr, finalRate()}};
    } else {
        m_phases = {{warmEnd, initialRate(), options.maxLr},
                    {2.0 * options.pctStart * total - 2.0, options.maxLr, initialRate()},
                    {total - 1.0, initialRate(), finalRate()}};
    }
}

double OneCycleSchedule::anneal(double start, double end, double pct) const
{
    if (m_options.anneal == AnnealShape::Linear)
        return start + (end - start) * pct;
    return end + (start - end) / 2.0 * (std::cos(std::numbers::pi * pct) + 1.0);
}

double OneCycleSchedule::learningRate(double t) const
{
    const double step = std::min(t, static_cast<double>(m_options.totalSteps - 1));
    double phaseStart = 0.0;
    for (std::size_t i = 0; i < m_phases.size(); ++i) {
        const Phase &phase = m_phases[i];
        if (step <= phase.endStep || i + 1 == m_phases.size()) {
            const double span = phase.endStep - phaseStart;
            // A phase of no length (pctStart * total == 1) would divide 0 by 0 in PyTorch; it
            // has reached its end rate.
            const double pct = span > 0.0 ? (step - phaseStart) / span : 1.0;
            return std::max(0.0, anneal(phase.startRate, phase.endRate, pct));
        }
        phaseStart = phase.endStep;
    }
    return finalRate();
}

std::unique_ptr<Schedule> OneCycleSchedule::clone() const
{
    return std::make_unique<OneCycleSchedule>(*this);
}

} // namespace loupe
