#pragma once
// Ends a run whose loss exploded while staying finite: an adaptive optimizer (Adam, RMSprop)
// with a far too high learning rate throws the weights around by about the learning rate per
// step, the loss climbs to 1e6 and more, but a numerically stable cross-entropy never turns NaN,
// so TerminateOnNaN alone would let such a run "complete".
//
// Rule: the first finite batch loss of the run is the reference (the untrained model's loss);
// `patience` batch losses in a row above factor x reference, or a single one above
// factor^2 x reference, stop the run with status Failed, StopReason::Diverged and the message of
// TerminateOnNaN ("diverged at epoch E, step S, loss L") followed by the reason. A healthy run never
// stays a hundred times above its starting loss (for cross-entropy over 10 classes that is a loss of
// 230, a true-class probability of e^-230). One batch may spike there, though: with balanced class
// weights a rare class weighs 25-100 times a common one, and a batch holding a few rare rows and an
// outlier feature value (the simulator plants amounts hundreds of standard deviations out) scored
// 160 x the first loss on the demo's transactions while the run went on to train well. A diverging
// run stays up, so three batches in a row tell the two apart.
// Non-finite losses are left to TerminateOnNaN / the Trainer.

#include "core/train/Callback.h"

namespace loupe {

class DivergenceGuard : public Callback {
public:
    static constexpr double s_defaultFactor = 100.0;
    static constexpr int s_defaultPatience = 3;

    // requires: factor > 1, patience >= 1.
    explicit DivergenceGuard(double factor = s_defaultFactor, int patience = s_defaultPatience);

    CallbackAction onTrainBegin(Trainer &trainer) override;
    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;

    double factor() const { return m_factor; }
    int patience() const { return m_patience; }
    // NaN until the first finite batch loss.
    double reference() const { return m_reference; }

private:
    double m_factor;
    int m_patience;
    double m_reference;
    int m_above = 0; // batches in a row above factor x reference
};

} // namespace loupe
