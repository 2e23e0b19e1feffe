#include "core/lr/ScheduleAdapter.h"

#include <cassert>

namespace loupe {

LearningRateScheduler ScheduleAdapter::perEpoch(std::shared_ptr<const Schedule> schedule)
{
    assert(schedule);
    return LearningRateScheduler::perEpoch(
        [schedule](int epoch, double) { return schedule->learningRate(static_cast<double>(epoch)); });
}

LearningRateScheduler ScheduleAdapter::perStep(std::shared_ptr<const Schedule> schedule)
{
    assert(schedule);
    return LearningRateScheduler::perStep(
        [schedule](std::int64_t step) { return schedule->learningRate(static_cast<double>(step)); });
}

LearningRateScheduler ScheduleAdapter::perStepInEpochs(std::shared_ptr<const Schedule> schedule,
                                                       std::int64_t stepsPerEpoch)
{
    assert(schedule && stepsPerEpoch >= 1);
    const double steps = static_cast<double>(stepsPerEpoch);
    return LearningRateScheduler::perStep(
        [schedule, steps](std::int64_t step) { return schedule->learningRate(static_cast<double>(step) / steps); });
}

LearningRateScheduler ScheduleAdapter::fromSpec(const ScheduleSpec &spec)
{
    std::shared_ptr<const Schedule> schedule = spec.build();
    return spec.unit == ScheduleUnit::Step ? perStep(std::move(schedule)) : perEpoch(std::move(schedule));
}

} // namespace loupe
