#pragma once
// Binary cross-entropy, averaged over columns then rows (Keras' binary_crossentropy).
//   BinaryInput::Logits:        output is z; loss = max(z,0) - z t + log(1 + exp(-|z|)), stable for
//                               any z; gradient (sigmoid(z) - t) / (rows cols).
//   BinaryInput::Probabilities: output is p = sigmoid(z); p is clipped to [1e-7, 1 - 1e-7] as Keras
//                               does; loss = -(t log p + (1-t) log(1-p)); gradient
//                               (p - t) / (p (1-p)) / (rows cols), zero where p was clipped.
// With class weights (Loss::setClassWeights) each row's loss and gradient are scaled by w(r).

#include "core/nn/Loss.h"

namespace loupe {

enum class BinaryInput { Logits, Probabilities };

class BinaryCrossEntropy : public Loss {
public:
    explicit BinaryCrossEntropy(BinaryInput input = BinaryInput::Logits);

    std::string name() const override { return "binary_crossentropy"; }
    Activation predictionActivation() const override;
    float decisionThreshold() const override;
    double value(ConstMatrixView output, ConstMatrixView target) const override;
    double valueAndGradient(ConstMatrixView output, ConstMatrixView target, MatrixView gradient) const override;

    BinaryInput input() const { return m_input; }

    static constexpr float s_clipEpsilon = 1e-7f;

private:
    double elementLoss(float output, float target) const;
    float elementGradient(float output, float target) const;

    BinaryInput m_input;
};

} // namespace loupe
