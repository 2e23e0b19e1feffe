#pragma once
// Step decay (PyTorch's StepLR): the rate is multiplied by gamma every stepSize.
//   lr(t) = lr0 * gamma^floor(t / stepSize)

#include "core/optim/Schedule.h"

namespace loupe {

class StepDecaySchedule : public Schedule {
public:
    // requires: lr0 finite >= 0; stepSize >= 1; gamma finite > 0.
    StepDecaySchedule(double lr0, double stepSize, double gamma);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

private:
    double m_lr0;
    double m_stepSize;
    double m_gamma;
};

} // namespace loupe
