#pragma once
// Cosine annealing with warm restarts (SGDR, Loshchilov & Hutter 2017), with PyTorch's
// CosineAnnealingWarmRestarts semantics:
//   lr(t) = etaMin + (etaMax - etaMin) * (1 + cos(pi * Tcur / Ti)) / 2
// The first period lasts T0; each restart multiplies the period by tMult. Tcur is the time since
// the last restart (fractional t gives a fractional Tcur, as PyTorch's step(epoch + i / iters)).
// At a restart boundary (Tcur = 0) the rate is etaMax; it never reaches etaMin exactly.

#include "core/optim/Schedule.h"

namespace loupe {

class WarmRestartsSchedule : public Schedule {
public:
    // requires: etaMax finite >= 0; 0 <= etaMin <= etaMax; t0 >= 1 and finite; tMult >= 1.
    WarmRestartsSchedule(double etaMax, double t0, int tMult, double etaMin);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

    // Where t falls: the time since the last restart and the length of the current period.
    struct Position {
        double sinceRestart = 0.0; // Tcur
        double period = 0.0;       // Ti
        double restarts = 0.0;     // restarts before t, a whole number (a double: t may exceed any int)
    };
    Position position(double t) const;

private:
    double m_etaMax;
    double m_t0;
    int m_tMult;
    double m_etaMin;
};

} // namespace loupe
