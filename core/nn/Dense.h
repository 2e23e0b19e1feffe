#pragma once
// Fully connected layer with an optional fused activation: output = activation(input * kernel + bias).
// kernel is inputFeatures x units (Keras' layout), bias is 1 x units and starts at zero.
//
// forward:  one GEMM, then bias and activation in one pass over the output.
// backward: dZ = activation'(output) * dOutput (in place in outputGradient),
//           dKernel = input^T dZ, dBias = column sums of dZ, dInput = dZ kernel^T (skipped when null).
// params:   {kernel, bias}; grads: same shapes, overwritten by every backward().

#include "core/nn/Activation.h"
#include "core/nn/Initializer.h"
#include "core/nn/Layer.h"

namespace loupe {

class Dense : public Layer {
public:
    // requires: units > 0.
    explicit Dense(Index units, Activation activation = Activation::Linear,
                   Initializer kernelInitializer = Initializer::GlorotUniform);

    std::string typeName() const override { return "dense"; }
    void build(Index inputFeatures, RandomGenerator &rng) override;
    bool isBuilt() const override { return m_kernel.size() > 0; }
    Index inputFeatures() const override { return m_kernel.rows(); }
    Index outputFeatures() const override { return m_units; }

    void forward(ConstMatrixView input, MatrixView output, Mode mode) override;
    void backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                  MatrixView *inputGradient) override;
    std::vector<ParameterBlock> parameters() override;

    Index units() const { return m_units; }
    Activation activation() const { return m_activation; }
    Initializer kernelInitializer() const { return m_initializer; }
    const Matrix &kernel() const { return m_kernel; }
    const Matrix &bias() const { return m_bias; }
    const Matrix &kernelGradient() const { return m_kernelGradient; }
    const Matrix &biasGradient() const { return m_biasGradient; }

private:
    Index m_units;
    Activation m_activation;
    Initializer m_initializer;
    Matrix m_kernel;
    Matrix m_bias; // 1 x units
    Matrix m_kernelGradient;
    Matrix m_biasGradient;
};

} // namespace loupe
