#pragma once
// Element-wise (and row-wise, for softmax) activation functions, used fused inside Dense and by
// the standalone ActivationLayer. All work in place on a batch (one sample per row).

#include "core/util/Matrix.h"

#include <optional>
#include <string>
#include <string_view>

namespace loupe {

enum class Activation { Linear, Relu, Tanh, Sigmoid, Softmax };

// "linear", "relu", "tanh", "sigmoid", "softmax" (Keras' names).
std::string activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

// values <- activation(values). Softmax is per row and numerically stable (max subtracted).
void applyActivation(Activation activation, MatrixView values);

// values <- activation(values + bias), bias broadcast over rows: the Dense epilogue in one pass
// where the activation allows it. requires: bias is 1 x values.cols().
void applyBiasActivation(Activation activation, const Matrix &bias, MatrixView values);

// Chain rule through the activation, in place.
// requires: output = activation(z) as computed by applyActivation; gradient holds dL/d(output).
// ensures: gradient holds dL/dz.
void activationBackward(Activation activation, ConstMatrixView output, MatrixView gradient);

} // namespace loupe
