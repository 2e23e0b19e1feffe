#pragma once
// The chapter's cosine anneal (with the "+ 1" its printed formula lacks):
//   lr(t) = lr0 / 2 * (cos(pi * (t mod l) / l) + 1)
// Clamp:   t is first clamped to l - 1 (the chapter's `if t >= anneal_len: t = anneal_len - 1`),
//          so the rate falls over l epochs and then stays at lr(l - 1) > 0.
// Restart: no clamp; the rate jumps back to lr0 every l (the cyclic form that snapshot
//          ensembles use, one cycle per snapshot).

#include "core/optim/Schedule.h"

namespace loupe {

enum class CosineCycle { Clamp, Restart };

class CosineAnnealSchedule : public Schedule {
public:
    // requires: lr0 finite and >= 0; length >= 1 and finite.
    CosineAnnealSchedule(double lr0, double length, CosineCycle cycle);

    double learningRate(double t) const override;
    std::unique_ptr<Schedule> clone() const override;

    double initialRate() const { return m_lr0; }
    double length() const { return m_length; }
    CosineCycle cycle() const { return m_cycle; }

private:
    double m_lr0;
    double m_length;
    CosineCycle m_cycle;
};

} // namespace loupe
