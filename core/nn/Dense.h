#pragma once
// Fully connected layer with an optional fused activation: output = activation(input * kernel + bias).
// kernel is inputFeatures x units (Keras' layout), bias is 1 x units and starts at zero.
//
// forward:  one GEMM, then bias and activation in one pass over the output.
// backward: dZ = activation'(output) * dOutput (in place in outputGradient) and the per-thread
//           column sums of dZ for dBias in the same pass, then dKernel = input^T dZ and
//           dInput = dZ kernel^T (skipped when null).
// The GEMMs run on the kernel GemmKernelTable measured fastest for their shape; with a split
// kernel each thread's element-wise work follows its own piece of the GEMM while it is in cache.
// Followed by Dropout (Sequential fuses them when the activation is Relu): the dropout mask is
// applied in the same pass as bias and activation, writing only the Dropout's output, and backward
// reads only that output: dZ = dOutput / (1 - rate) where output > 0, else 0 (ReLU's and the
// mask's derivative in one, since output > 0 exactly when the unit is kept and positive).
// params:   {kernel, bias}; grads: same shapes, overwritten by every backward().

#include "core/nn/Activation.h"
#include "core/nn/DropoutMask.h"
#include "core/nn/Initializer.h"
#include "core/nn/Layer.h"

namespace loupe {

class Dropout;

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

    // Whether a following Dropout can run inside this layer's passes (Relu only: see above).
    bool canFuseDropout() const { return m_activation == Activation::Relu; }
    // This layer then `dropout`, in one pass: output is the Dropout's output (rows x units); the
    // layer's own output is never written. In Mode::Training the dropout advances to its next mask.
    // requires: canFuseDropout().
    void forwardWithDropout(ConstMatrixView input, MatrixView output, Mode mode, Dropout &dropout);
    // The gradient of both: output and outputGradient are the Dropout's (of the last
    // forwardWithDropout in Mode::Training). requires: canFuseDropout().
    void backwardWithDropout(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                             MatrixView *inputGradient, const Dropout &dropout);

    Index units() const { return m_units; }
    Activation activation() const { return m_activation; }
    Initializer kernelInitializer() const { return m_initializer; }
    const Matrix &kernel() const { return m_kernel; }
    const Matrix &bias() const { return m_bias; }
    const Matrix &kernelGradient() const { return m_kernelGradient; }
    const Matrix &biasGradient() const { return m_biasGradient; }

private:
    void forwardPass(ConstMatrixView input, MatrixView output, const DropoutMask *mask);
    void backwardPass(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                      MatrixView *inputGradient, const DropoutMask *mask);

    Index m_units;
    Activation m_activation;
    Initializer m_initializer;
    Matrix m_kernel;
    Matrix m_bias; // 1 x units
    Matrix m_kernelGradient;
    Matrix m_biasGradient;
    Matrix m_biasPartials; // threads x units: each thread's column sums of dZ
};

} // namespace loupe
