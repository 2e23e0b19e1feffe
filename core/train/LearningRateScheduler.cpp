#include "core/train/LearningRateScheduler.h"

#include "core/train/Trainer.h"

namespace loupe {

LearningRateScheduler LearningRateScheduler::perEpoch(EpochSchedule schedule)
{
    LearningRateScheduler scheduler;
    scheduler.m_epochSchedule = std::move(schedule);
    return scheduler;
}

LearningRateScheduler LearningRateScheduler::perStep(StepSchedule schedule)
{
    LearningRateScheduler scheduler;
    scheduler.m_stepSchedule = std::move(schedule);
    return scheduler;
}

CallbackAction LearningRateScheduler::apply(Trainer &trainer, double learningRate, const std::string &where)
{
    const Status status = trainer.setLearningRate(learningRate);
    if (status.isOk())
        return CallbackAction::Continue;
    trainer.stopWith(Status::invalidInput("learning rate schedule at " + where + ": " + status.message()));
    return CallbackAction::Stop;
}

CallbackAction LearningRateScheduler::onEpochBegin(Trainer &trainer, int epoch)
{
    if (!m_epochSchedule)
        return CallbackAction::Continue;
    return apply(trainer, m_epochSchedule(epoch, trainer.learningRate()), "epoch " + std::to_string(epoch));
}

CallbackAction LearningRateScheduler::onBatchBegin(Trainer &trainer, int, int, std::int64_t globalStep)
{
    if (!m_stepSchedule)
        return CallbackAction::Continue;
    const double learningRate = m_stepSchedule(globalStep);
    if (learningRate == trainer.learningRate())
        return CallbackAction::Continue;
    return apply(trainer, learningRate, "step " + std::to_string(globalStep));
}

} // namespace loupe
