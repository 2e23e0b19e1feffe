#pragma once
// fastai's smoothed loss: an exponential moving average with bias correction,
//   avg_n = beta * avg_{n-1} + (1 - beta) * loss_n,  avg_0 = 0
//   smooth_n = avg_n / (1 - beta^n)
// so the first value equals the first loss and early values are not pulled towards 0.

#include <cstdint>

namespace loupe {

class LossSmoother {
public:
    // requires: 0 <= beta < 1.
    explicit LossSmoother(double beta = 0.98);

    // Adds one loss; returns the smoothed value (NaN/inf propagate).
    double add(double loss);
    double value() const;
    std::int64_t count() const { return m_count; }
    void reset();

private:
    double m_beta;
    double m_average = 0.0;
    double m_betaPower = 1.0; // beta^count
    std::int64_t m_count = 0;
};

} // namespace loupe
