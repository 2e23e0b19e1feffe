#pragma once
// Sets the learning rate from a schedule (Keras' LearningRateScheduler).
//   perEpoch: at each epoch start, lr = schedule(epoch, current lr), epoch 0-based, as Keras.
//   perStep:  before each batch, lr = schedule(global step), step 0-based since fit() started.
// A schedule returning a negative or non-finite rate ends the run with InvalidInput naming the
// epoch or step.

#include "core/train/Callback.h"

#include <functional>

namespace loupe {

class LearningRateScheduler : public Callback {
public:
    using EpochSchedule = std::function<double(int epoch, double learningRate)>;
    using StepSchedule = std::function<double(std::int64_t step)>;

    static LearningRateScheduler perEpoch(EpochSchedule schedule);
    static LearningRateScheduler perStep(StepSchedule schedule);

    CallbackAction onEpochBegin(Trainer &trainer, int epoch) override;
    CallbackAction onBatchBegin(Trainer &trainer, int epoch, int step, std::int64_t globalStep) override;

private:
    LearningRateScheduler() = default;
    CallbackAction apply(Trainer &trainer, double learningRate, const std::string &where);

    EpochSchedule m_epochSchedule;
    StepSchedule m_stepSchedule;
};

} // namespace loupe
