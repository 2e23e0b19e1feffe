#pragma once
// A stack of layers, each feeding the next (Keras' Sequential).
//
// Owns its layers and one preallocated output and gradient buffer per layer, sized for the
// largest batch seen (reserveRows() sets it up front), so forward/backward allocate nothing per
// batch. The raw output is the last layer's output; predictionActivation() (set from the loss,
// e.g. Softmax for SoftmaxCrossEntropy) maps it to what predict() returns.
// Not thread-safe: one thread drives a model (GEMMs and big element-wise passes fan out with OpenMP).

#include "core/nn/Activation.h"
#include "core/nn/Layer.h"
#include "core/util/Status.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loupe {

class Dense;
class Dropout;

// Whether Sequential runs a Relu Dense and the Dropout after it as one pass (Dense::forwardWithDropout).
// Off is for tests that compare the fused passes with the layers run one by one.
enum class LayerFusion { On, Off };

class Sequential {
public:
    Sequential();
    ~Sequential();
    Sequential(Sequential &&) noexcept;
    Sequential &operator=(Sequential &&) noexcept;
    Sequential(const Sequential &) = delete;
    Sequential &operator=(const Sequential &) = delete;

    // requires: !isBuilt(), layer not null.
    void add(std::unique_ptr<Layer> layer);

    // Builds every layer in order for rows of inputFeatures values; parameters are drawn from one
    // generator seeded with seed (same seed, same weights). InvalidInput without layers or with
    // inputFeatures <= 0. requires: !isBuilt().
    Status build(Index inputFeatures, std::uint64_t seed);
    bool isBuilt() const { return m_built; }

    Index inputFeatures() const;
    Index outputFeatures() const;
    std::size_t layerCount() const { return m_layers.size(); }
    Layer &layer(std::size_t index) { return *m_layers[index]; }
    const Layer &layer(std::size_t index) const { return *m_layers[index]; }

    // requires: !isBuilt(). Default On.
    void setLayerFusion(LayerFusion fusion) { m_fusion = fusion; }
    LayerFusion layerFusion() const { return m_fusion; }

    void setPredictionActivation(Activation activation) { m_predictionActivation = activation; }
    Activation predictionActivation() const { return m_predictionActivation; }

    // Allocates the activation buffers for batches of up to `rows` rows. requires: isBuilt().
    void reserveRows(Index rows);

    // requires: isBuilt(), input.cols() == inputFeatures(), input.rows() > 0.
    // ensures: returns the raw output (rows x outputFeatures()), valid until the next forward().
    ConstMatrixView forward(ConstMatrixView input, Mode mode);

    // requires: the last forward() was forward(input, Mode::Training) and input still holds the
    // same values; outputGradient = dL/d(raw output).
    // ensures: every block of parameterBlocks() holds its gradient. Layers before the first layer
    // with parameters are skipped, and so is the first such layer's input gradient.
    void backward(ConstMatrixView input, ConstMatrixView outputGradient);

    // predictionActivation(raw output) in inference mode, chunk by chunk. requires: as forward().
    Matrix predict(ConstMatrixView input, Index chunkRows = 1024);

    // Every trainable block, layer by layer, named "layers[i].kernel" / "layers[i].bias".
    // Stable for the model's lifetime once built (optimizers key their state on the order).
    const std::vector<ParameterBlock> &parameterBlocks() const { return m_blocks; }
    Index parameterCount() const;

    // Copies of every block's values, in parameterBlocks() order (Keras' get_weights).
    std::vector<Matrix> weights() const;
    // InvalidInput naming the block when the count or a shape differs; the model is unchanged then.
    Status setWeights(const std::vector<Matrix> &weights);

    // One line per layer: index, type, output width, activation, parameter count.
    std::string summary() const;

private:
    std::vector<std::unique_ptr<Layer>> m_layers;
    std::vector<ParameterBlock> m_blocks;
    std::vector<Matrix> m_outputs;   // per layer: capacity x outputFeatures
    std::vector<Matrix> m_gradients; // per layer: capacity x outputFeatures
    Index m_capacity = 0;
    Index m_lastRows = 0;
    std::size_t m_firstParametricLayer = 0;
    // Per layer: the Dropout that runs inside this (Dense) layer's passes, or null. Layer i + 1's
    // own forward/backward are then skipped and layer i's output buffer is unused.
    std::vector<Dropout *> m_fusedDropout;
    LayerFusion m_fusion = LayerFusion::On;
    Activation m_predictionActivation = Activation::Linear;
    bool m_built = false;
};

} // namespace loupe
