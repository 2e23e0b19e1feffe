#pragma once
// The contract every layer keeps. A batch is a row-major matrix, one sample per row.
//
// Life cycle: construct with hyperparameters -> build(inputFeatures, rng) once (allocates and
// initializes parameters) -> any number of forward / backward calls. Layers own their parameters
// and gradients but not their activations: Sequential passes preallocated views, so no call
// allocates memory per batch. A layer is not thread-safe; one model is driven by one thread
// (which may fan out internally with OpenMP).

#include "core/util/Matrix.h"
#include "core/nn/ParameterBlock.h"

#include <string>
#include <vector>

namespace loupe {

class RandomGenerator;

// Training mode turns on what only makes sense while fitting (dropout).
enum class Mode { Training, Inference };

class Layer {
public:
    virtual ~Layer() = default;

    // Keras-style type name used in specs and weights files ("dense", "dropout", "activation").
    virtual std::string typeName() const = 0;

    // requires: inputFeatures > 0; called once. ensures: outputFeatures() > 0, parameters initialized
    // from rng (layers without parameters may ignore it; stochastic layers derive their seed from it).
    virtual void build(Index inputFeatures, RandomGenerator &rng) = 0;
    virtual bool isBuilt() const = 0;
    virtual Index inputFeatures() const = 0;
    virtual Index outputFeatures() const = 0;

    // requires: built; input is rows x inputFeatures(); output is rows x outputFeatures() and does
    // not alias input. ensures: output = f(input).
    virtual void forward(ConstMatrixView input, MatrixView output, Mode mode) = 0;

    // requires: the last forward() call of this layer was forward(input, output, Mode::Training) and
    // input/output still hold those values; outputGradient = dL/d(output), same shape as output.
    // outputGradient is scratch: the layer may overwrite it.
    // ensures: every parameter gradient block holds dL/d(parameter) (overwritten, not accumulated);
    // if inputGradient is not null it holds dL/d(input) (the first layer of a model passes null
    // to skip that product).
    virtual void backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                          MatrixView *inputGradient) = 0;

    // The trainable blocks, in a fixed order (kernel before bias). Empty for parameter-free layers.
    virtual std::vector<ParameterBlock> parameters() { return {}; }
};

} // namespace loupe
