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
#include <vector>

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

    // Class weights (Keras' class_weight; core/train/ClassBalance.h): row r of the batch counts
    // w(r) = sum_c t_c weights[c] (one-hot targets: its class's weight; one 0/1 column:
    // t weights[1] + (1 - t) weights[0]), so value = sum_r w(r) loss_r / rows and the gradient is
    // scaled by w(r) the same way. Empty (the default): every row weighs 1. Used by the
    // cross-entropy losses; MeanSquaredError ignores them (a regression target has no classes).
    // requires: weights empty, or weights.size() == target columns (2 for one column).
    void setClassWeights(std::vector<float> weights) { m_classWeights = std::move(weights); }
    const std::vector<float> &classWeights() const { return m_classWeights; }

protected:
    // w(r) for one target row of `cols` values; 1 without class weights.
    double rowWeight(const float *target, Index cols) const
    {
        if (m_classWeights.empty())
            return 1.0;
        if (cols == 1)
            return double(target[0]) * m_classWeights[1] + (1.0 - double(target[0])) * m_classWeights[0];
        double weight = 0.0;
        for (Index c = 0; c < cols; ++c)
            weight += double(target[c]) * m_classWeights[static_cast<std::size_t>(c)];
        return weight;
    }

private:
    std::vector<float> m_classWeights;
};

} // namespace loupe
