#pragma once
// The 1cycle policy (Smith & Topin 2017) with PyTorch's OneCycleLR semantics, t in steps:
//   initial = maxLr / divFactor, final = initial / finalDivFactor
//   two phases:   initial -> maxLr until step pctStart*total - 1, then maxLr -> final at total - 1
//   three phases: initial -> maxLr until pctStart*total - 1, maxLr -> initial until
//                 2*pctStart*total - 2, then initial -> final at total - 1
// Within a phase running from step s0 to s1, pct = (t - s0) / (s1 - s0) and the rate moves
//   cos:    end + (start - end) / 2 * (cos(pi * pct) + 1)
//   linear: start + (end - start) * pct
// Past total - 1 the rate stays at `final` (PyTorch refuses to step there). Momentum cycling is
// not part of a learning-rate schedule and is not modelled.

#include "core/optim/Schedule.h"

#include <cstdint>
#include <vector>

namespace loupe {

enum class AnnealShape { Cosine, Linear };
enum class CyclePhases { Two, Three };

class OneCycleSchedule : public Schedule {
public:
    struct Options {
        double maxLr = 0.01;
        std::int64_t totalSteps = 100;   // >= 2
        double pctStart = 0.3;           // (0, 1); (0, 0.5] with three phases
        AnnealShape anneal = AnnealShape::Cosine;
        double divFactor = 25.0;         // > 0
        double finalDivFactor = 1.0e4;   // > 0
        CyclePhases phases = CyclePhases::Two;
    };

    // requires: options as documented on each field; maxLr finite >= 0.
    explicit OneCycleSchedule(const Options &options);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

    double initialRate() const { return m_options.maxLr / m_options.divFactor; }
    double finalRate() const { return initialRate() / m_options.finalDivFactor; }
    const Options &options() const { return m_options; }

private:
    struct Phase {
        double endStep;
        double startRate;
        double endRate;
    };
    double anneal(double start, double end, double pct) const;

    Options m_options;
    std::vector<Phase> m_phases;
};

} // namespace loupe
