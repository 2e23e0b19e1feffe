#pragma once
// Mean squared error, averaged over columns then rows (Keras' "mse").
//   loss = mean((y - t)^2); gradient = 2 (y - t) / (rows cols).

#include "core/nn/Loss.h"

namespace loupe {

class MeanSquaredError : public Loss {
public:
    std::string name() const override { return "mse"; }
    Activation predictionActivation() const override { return Activation::Linear; }
    float decisionThreshold() const override { return 0.5f; }
    double value(ConstMatrixView output, ConstMatrixView target) const override;
    double valueAndGradient(ConstMatrixView output, ConstMatrixView target, MatrixView gradient) const override;
};

} // namespace loupe
