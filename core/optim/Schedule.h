#pragma once
// A learning-rate schedule: the rate at time t, where t counts epochs or optimizer steps from 0
// (ScheduleSpec::unit says which; the schedule itself does not care). t may be fractional, e.g.
// an epoch-based schedule updated every batch at t = epoch + step / stepsPerEpoch.
// Schedules are immutable once built: learningRate() is const and safe to call from any thread.
// Every formula is written out in docs/schedules.md.

#include <cstdint>
#include <memory>
#include <vector>

namespace loupe {

class Schedule {
public:
    virtual ~Schedule();

    // requires: t >= 0 and finite. ensures: a finite rate >= 0.
    virtual double learningRate(double t) const = 0;
    virtual std::unique_ptr<Schedule> clone() const = 0;

    // The rates at t = 0, 1, ..., count - 1. requires: count >= 0.
    std::vector<double> sample(std::int64_t count) const;
};

} // namespace loupe
