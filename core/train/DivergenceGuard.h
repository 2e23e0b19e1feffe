#pragma once
// Ends a run whose loss exploded while staying finite: an adaptive optimizer (Adam, RMSprop)
// with a far too high learning rate throws the weights around by about the learning rate per
// step, the loss climbs to 1e6 and more, but a numerically stable cross-entropy never turns NaN,
// so TerminateOnNaN alone would let such a run "complete".
//
// Rule: the first finite batch loss of the run is the reference (the untrained model's loss);
// a later batch loss above factor x reference stops the run with status Failed,
// StopReason::Diverged and the message of TerminateOnNaN ("diverged at epoch E, step S, loss L")
// followed by the reason. A healthy run never climbs a hundred times above its starting loss
// (for cross-entropy over 10 classes that is a loss of 230, a true-class probability of e^-230).
// Non-finite losses are left to TerminateOnNaN / the Trainer.

#include "core/train/Callback.h"

namespace loupe {

class DivergenceGuard : public Callback {
public:
    static constexpr double s_defaultFactor = 100.0;

    // requires: factor > 1.
    explicit DivergenceGuard(double factor = s_defaultFactor);

    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;

    double factor() const { return m_factor; }
    // NaN until the first finite batch loss.
    double reference() const { return m_reference; }

private:
    double m_factor;
    double m_reference;
};

} // namespace loupe
