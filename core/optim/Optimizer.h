#pragma once
// The contract of an optimizer: it moves every parameter block against its gradient and keeps
// its own state (velocities, moments) per block, allocated on the first step.
//
// step() runs the element-wise rule over all blocks; on models large enough for it to pay, each
// OpenMP thread takes the same WorkSplit piece of every block's rows as it computed the
// gradient of (see Dense::backward). The learning rate (schedules, LR finders) and the gradient
// clipping may change between any two steps; everything else is fixed at construction.

#include "core/nn/ParameterBlock.h"
#include "core/optim/GradientClipping.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

class Optimizer {
public:
    // requires: learningRate >= 0 and finite.
    explicit Optimizer(float learningRate);
    virtual ~Optimizer();
    Optimizer(const Optimizer &) = delete;
    Optimizer &operator=(const Optimizer &) = delete;

    // Keras' name: "sgd", "rmsprop", "adam".
    virtual std::string name() const = 0;

    float learningRate() const { return m_learningRate; }
    // requires: learningRate >= 0 and finite. Takes effect at the next step().
    void setLearningRate(float learningRate);

    const GradientClipping &gradientClipping() const { return m_clipping; }
    // requires: both limits 0 or positive and finite. Takes effect at the next step().
    void setGradientClipping(const GradientClipping &clipping);

    // Steps taken since construction or reset() (Keras' `iterations`).
    std::int64_t iterations() const { return m_iterations; }

    // requires: blocks have the same count and sizes at every call since the last reset(), and
    // each gradient holds d(loss)/d(value). ensures: values updated, iterations() + 1.
    void step(const std::vector<ParameterBlock> &blocks);

    // Forgets all state (as a fresh optimizer with the current learning rate).
    void reset();

protected:
    // Called once per step before any updateRange(), after iterations() was incremented.
    virtual void beginStep() {}
    // Allocates zeroed state for blocks of these sizes.
    virtual void allocateState(const std::vector<std::size_t> &blockSizes) = 0;
    // Updates elements [begin, end) of block `block`. Called concurrently for disjoint ranges.
    virtual void updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin,
                             std::size_t end) = 0;

private:
    void plan(const std::vector<ParameterBlock> &blocks);
    // Per block: the factor clipNorm / max(||g||, clipNorm) (1 without clipNorm); copies sized.
    void prepareClipping(const std::vector<ParameterBlock> &blocks);
    // Writes the clipped elements [begin, end) of block `block` into its copy.
    void clipRange(std::size_t block, const float *gradients, std::size_t begin, std::size_t end);

    float m_learningRate;
    std::int64_t m_iterations = 0;
    std::vector<std::size_t> m_blockSizes;
    std::size_t m_totalSize = 0;
    GradientClipping m_clipping;
    std::vector<std::vector<float>> m_clipped; // per block, when clipping is active
    std::vector<float> m_normScale;            // per block: clipNorm / max(||g||, clipNorm), or 1
};

} // namespace loupe
