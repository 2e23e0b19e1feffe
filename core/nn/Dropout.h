#pragma once
// Inverted dropout (Keras semantics): in Mode::Training each input is kept with probability
// 1 - rate and scaled by 1 / (1 - rate); in Mode::Inference the layer is the identity.
//
// The mask is a keyed hash of (layer seed, training call number, element index): no mask buffer,
// no allocation, the same bits in backward as in forward, and the same masks for the same seed
// whatever the thread count.
//
// forward:  output = input * mask / (1 - rate)
// backward: dInput = dOutput * mask / (1 - rate) with the mask of the last training forward.
// params:   none.

#include "core/nn/DropoutMask.h"
#include "core/nn/Layer.h"

#include <cstdint>

namespace loupe {

class Dropout : public Layer {
public:
    // requires: 0 <= rate < 1.
    explicit Dropout(float rate);

    std::string typeName() const override { return "dropout"; }
    // Takes its mask seed from rng.
    void build(Index inputFeatures, RandomGenerator &rng) override;
    bool isBuilt() const override { return m_features > 0; }
    Index inputFeatures() const override { return m_features; }
    Index outputFeatures() const override { return m_features; }

    void forward(ConstMatrixView input, MatrixView output, Mode mode) override;
    void backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                  MatrixView *inputGradient) override;

    float rate() const { return m_rate; }

    // For Dense's fused epilogue, which applies this layer inside its own pass (Sequential decides):
    // advances to the next training call exactly as forward(..., Mode::Training) would and returns
    // its mask. requires: rate() > 0.
    DropoutMask nextTrainingMask();
    // The mask of the last training call.
    DropoutMask mask() const;

private:
    void applyMask(const float *source, float *target, Index rows) const;

    float m_rate;
    Index m_features = 0;
    std::uint64_t m_seed = 0;
    std::uint64_t m_calls = 0;  // training forwards so far
    std::uint64_t m_key = 0;    // key of the last training forward
    std::uint32_t m_threshold = 0; // keep an element when its hash is >= threshold
};

} // namespace loupe
