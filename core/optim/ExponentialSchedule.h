#pragma once
// Exponential decay (PyTorch's ExponentialLR): lr(t) = lr0 * gamma^t.

#include "core/optim/Schedule.h"

namespace loupe {

class ExponentialSchedule : public Schedule {
public:
    // requires: lr0 finite >= 0; gamma finite > 0.
    ExponentialSchedule(double lr0, double gamma);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

private:
    double m_lr0;
    double m_gamma;
};

} // namespace loupe
