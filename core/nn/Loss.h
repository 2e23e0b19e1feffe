#pragma once
// The contract of a loss: a mean over the batch of a per-sample loss, and its gradient with
// respect to the model's raw output (the last layer's output).
//
// Losses that include the output non-linearity (SoftmaxCrossEntropy, BinaryCrossEntropy on
// logits) take the raw scores and say which activation turns them into predictions, so that
// the model can stay linear at the end while training and still predict probabilities.

#include "core/nn/Activation.h"
#include "core/util/Matrix.h"

#include <string>

namespace loupe {

class Loss {
public:
    virtual ~Loss() = default;

    // Keras' name: "categorical_crossentropy", "binary_crossentropy", "mse".
    virtual std::string name() const = 0;

    // The activation that maps raw output to predictions (Softmax, Sigmoid or Linear).
    virtual Activation predictionActivation() const = 0;

    // For single-column outputs: a raw output above this value predicts class 1 (0 for logits,
    // 0.5 for probabilities and regression).
    virtual float decisionThreshold() const = 0;

    // requires: output and target have the same shape and at least one row.
    // ensures: the mean loss over rows (double accumulation).
    virtual double value(ConstMatrixView output, ConstMatrixView target) const = 0;

    // requires: as value(); gradient has the same shape (may not alias output or target).
    // ensures: gradient = d(mean loss)/d(output); returns the mean loss.
    virtual double valueAndGradient(ConstMatrixView output, ConstMatrixView target, MatrixView gradient) const = 0;
};

} // namespace loupe
