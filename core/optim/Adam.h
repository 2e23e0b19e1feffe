#pragma once
// Adam with Keras' update form (epsilon "hat", bias correction folded into the step size).
//   t = iterations();  alpha = lr sqrt(1 - beta2^t) / (1 - beta1^t)
//   m <- m + (g - m)(1 - beta1);  v <- v + (g^2 - v)(1 - beta2)
//   w <- w - alpha m / (sqrt(v) + epsilon)
// State: m and v per parameter, starting at zero.

#include "core/optim/Optimizer.h"

namespace loupe {

class Adam : public Optimizer {
public:
    struct Options {
        float learningRate = 0.001f;
        float beta1 = 0.9f;    // in [0, 1)
        float beta2 = 0.999f;  // in [0, 1)
        float epsilon = 1e-7f; // > 0
    };

    explicit Adam(const Options &options);
    std::string name() const override { return "adam"; }
    const Options &options() const { return m_options; }

protected:
    void beginStep() override;
    void allocateState(const std::vector<std::size_t> &blockSizes) override;
    void updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin,
                     std::size_t end) override;

private:
    Options m_options;
    float m_alpha = 0.0f; // this step's bias-corrected rate
    std::vector<std::vector<float>> m_first;
    std::vector<std::vector<float>> m_second;
};

} // namespace loupe
