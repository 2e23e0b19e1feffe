#pragma once
// Ends the run at the first batch whose loss is NaN or infinite, with status Failed,
// StopReason::Diverged and the message "diverged at epoch E, step S, loss L" (E and S 1-based,
// S counted within the epoch, L printed as nan, inf, -inf or %g). The Trainer applies the same
// guard itself; this callback makes it explicit and puts it first in a callback list, as Keras'
// TerminateOnNaN does.

#include "core/train/Callback.h"

#include <string>

namespace loupe {

class TerminateOnNaN : public Callback {
public:
    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;

    // The message for a 0-based epoch and step.
    static std::string message(int epoch, int step, double loss);
};

} // namespace loupe
