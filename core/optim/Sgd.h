#pragma once
// Stochastic gradient descent with Keras' momentum and Nesterov rules.
//   momentum == 0: w <- w - lr g
//   otherwise:     v <- momentum v - lr g;  w <- w + v              (classic)
//                                           w <- w + momentum v - lr g (Nesterov)
// State: one velocity per parameter when momentum > 0.

#include "core/optim/Optimizer.h"

namespace loupe {

enum class Nesterov { Off, On };

class Sgd : public Optimizer {
public:
    struct Options {
        float learningRate = 0.01f; // Keras' default
        float momentum = 0.0f;      // in [0, 1)
        Nesterov nesterov = Nesterov::Off;
    };

    // requires: options within the ranges above.
    explicit Sgd(const Options &options);
    std::string name() const override { return "sgd"; }
    const Options &options() const { return m_options; }

protected:
    void allocateState(const std::vector<std::size_t> &blockSizes) override;
    void updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin,
                     std::size_t end) override;

private:
    Options m_options;
    std::vector<std::vector<float>> m_velocity;
};

} // namespace loupe
