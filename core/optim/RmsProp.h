#pragma once
// RMSprop with Keras' defaults and the update of Keras 2 / tf.keras (epsilon added to the root,
// as PyTorch does too):
//   v <- rho v + (1 - rho) g^2
//   centered: a <- rho a + (1 - rho) g;  s = max(v - a^2, 0);  otherwise s = v
//   increment = lr g / (sqrt(s) + epsilon)
//   momentum > 0: m <- momentum m + increment; w <- w - m;  otherwise w <- w - increment
// State: v per parameter (+ a when centered, + m when momentum > 0), all starting at zero.

#include "core/optim/Optimizer.h"

namespace loupe {

enum class Centered { Off, On };

class RmsProp : public Optimizer {
public:
    struct Options {
        float learningRate = 0.001f;
        float rho = 0.9f;      // in [0, 1)
        float momentum = 0.0f; // in [0, 1)
        float epsilon = 1e-7f; // > 0
        Centered centered = Centered::Off;
    };

    explicit RmsProp(const Options &options);
    std::string name() const override { return "rmsprop"; }
    const Options &options() const { return m_options; }

protected:
    void allocateState(const std::vector<std::size_t> &blockSizes) override;
    void updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin,
                     std::size_t end) override;

private:
    Options m_options;
    std::vector<std::vector<float>> m_meanSquare;
    std::vector<std::vector<float>> m_meanGradient;
    std::vector<std::vector<float>> m_momentum;
};

} // namespace loupe
