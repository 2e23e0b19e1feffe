#pragma once
// A linear warm-up of `warmup` time units in front of any schedule:
//   t <  W: lr(t) = inner(0) * (t + 1) / (W + 1)
//   t >= W: lr(t) = inner(t - W)
// So the first warm-up step already moves (no zero-rate step), the rate rises in equal steps and
// reaches inner(0) exactly when the inner schedule starts, which then runs unchanged, shifted by W.

#include "core/optim/Schedule.h"

#include <memory>

namespace loupe {

class WarmupSchedule : public Schedule {
public:
    // requires: inner not null; warmup >= 1 and finite.
    WarmupSchedule(std::unique_ptr<Schedule> inner, double warmup);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

    double warmup() const { return m_warmup; }
    const Schedule &inner() const { return *m_inner; }

private:
    std::unique_ptr<Schedule> m_inner;
    double m_warmup;
};

} // namespace loupe
