#pragma once
// Softmax fused with categorical cross-entropy, from logits (Keras' categorical_crossentropy on a
// softmax output, computed stably).
//   per sample: sum_c t_c (logsumexp(z) - z_c)
//   gradient:   (softmax(z) * sum_c t_c - t) / rows   (= (p - t) / rows for one-hot targets)
// With class weights (Loss::setClassWeights) each sample's loss and gradient are scaled by w(r).
// Never overflows: logsumexp subtracts the row maximum, so huge logits give huge finite losses.

#include "core/nn/Loss.h"

namespace loupe {

class SoftmaxCrossEntropy : public Loss {
public:
    std::string name() const override { return "categorical_crossentropy"; }
    Activation predictionActivation() const override { return Activation::Softmax; }
    float decisionThreshold() const override { return 0.0f; }
    double value(ConstMatrixView logits, ConstMatrixView target) const override;
    double valueAndGradient(ConstMatrixView logits, ConstMatrixView target, MatrixView gradient) const override;
};

} // namespace loupe
