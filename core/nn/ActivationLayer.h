#pragma once
// A standalone activation (Keras' Activation('relu') layer).
// forward:  output = activation(input)
// backward: dInput = activation'(output) * dOutput
// params:   none.

#include "core/nn/Activation.h"
#include "core/nn/Layer.h"

namespace loupe {

class ActivationLayer : public Layer {
public:
    explicit ActivationLayer(Activation activation);

    std::string typeName() const override { return "activation"; }
    void build(Index inputFeatures, RandomGenerator &rng) override;
    bool isBuilt() const override { return m_features > 0; }
    Index inputFeatures() const override { return m_features; }
    Index outputFeatures() const override { return m_features; }

    void forward(ConstMatrixView input, MatrixView output, Mode mode) override;
    void backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                  MatrixView *inputGradient) override;

    Activation activation() const { return m_activation; }

private:
    Activation m_activation;
    Index m_features = 0;
};

} // namespace loupe
