#pragma once
// Hooks into Trainer::fit() with Keras' callback points. Each hook returns Continue or Stop;
// Stop ends the run after the current step (batch hooks) or epoch (epoch hooks) with status Ok
// and StopReason::StoppedByCallback, unless the callback also called Trainer::stopWith(status)
// to end it with an error. Hooks run on the training thread, in the order callbacks were added.

#include "core/train/TrainingStats.h"

#include <cstdint>

namespace loupe {

class Trainer;

enum class CallbackAction { Continue, Stop };

class Callback {
public:
    virtual ~Callback() = default;
    virtual CallbackAction onTrainBegin(Trainer &) { return CallbackAction::Continue; }
    virtual CallbackAction onEpochBegin(Trainer &, int /*epoch*/) { return CallbackAction::Continue; }
    virtual CallbackAction onBatchBegin(Trainer &, int /*epoch*/, int /*step*/, std::int64_t /*globalStep*/)
    {
        return CallbackAction::Continue;
    }
    virtual CallbackAction onBatchEnd(Trainer &, const BatchStats &) { return CallbackAction::Continue; }
    virtual CallbackAction onEpochEnd(Trainer &, const EpochStats &) { return CallbackAction::Continue; }
    // Called once at the end of every fit() that got past onTrainBegin, whatever the outcome;
    // the returned action is ignored.
    virtual CallbackAction onTrainEnd(Trainer &, const TrainResult &) { return CallbackAction::Continue; }
};

} // namespace loupe
