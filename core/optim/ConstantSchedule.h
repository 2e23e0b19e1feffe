#pragma once
// The same rate at every t.

#include "core/optim/Schedule.h"

namespace loupe {

class ConstantSchedule : public Schedule {
public:
    // requires: learningRate finite and >= 0.
    explicit ConstantSchedule(double learningRate);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

private:
    double m_learningRate;
};

} // namespace loupe
