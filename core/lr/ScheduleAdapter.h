#pragma once
// Plugs a Schedule into the Trainer through its LearningRateScheduler callback.
//   perEpoch:        at each epoch start, lr = schedule(epoch)                 (Keras' granularity)
//   perStep:         before each batch,  lr = schedule(global step)            (one-cycle, snapshots)
//   perStepInEpochs: before each batch,  lr = schedule(step / stepsPerEpoch)   (an epoch-based
//                    schedule moved every batch: SGDR's fractional T_cur)
// The schedule is shared, so the returned callback may outlive the caller's pointer.

#include "core/optim/Schedule.h"
#include "core/optim/ScheduleSpec.h"
#include "core/train/LearningRateScheduler.h"

#include <cstdint>
#include <memory>

namespace loupe {

class ScheduleAdapter {
public:
    // requires: schedule not null; stepsPerEpoch >= 1.
    static LearningRateScheduler perEpoch(std::shared_ptr<const Schedule> schedule);
    static LearningRateScheduler perStep(std::shared_ptr<const Schedule> schedule);
    static LearningRateScheduler perStepInEpochs(std::shared_ptr<const Schedule> schedule, std::int64_t stepsPerEpoch);

    // perEpoch or perStep as spec.unit says. requires: spec.validate().isOk().
    static LearningRateScheduler fromSpec(const ScheduleSpec &spec);
};

} // namespace loupe
