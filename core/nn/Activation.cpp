#include "core/nn/Activation.h"

#include <algorithm>
#include <array>
#include <utility>

namespace loupe {

namespace {

constexpr std::array<std::pair<Activation, std::string_view>, 5> s_activationNames{{
    {Activation::Linear, "linear"},
    {Activation::Relu, "relu"},
    {Activation::Tanh, "tanh"},
    {Activation::Sigmoid, "sigmoid"},
    {Activation::Softmax, "softmax"},
}};

void softmaxRows(MatrixView values)
{
    for (Index r = 0; r < values.rows(); ++r) {
        auto row = values.row(r).array();
        const float maximum = row.maxCoeff();
        row = (row - maximum).exp();
        row *= 1.0f / row.sum();
    }
}

} // namespace

std::string activationName(Activation activation)
{
    for (const auto &[value, name] : s_activationNames) {
        if (value == activation)
            return std::string(name);
    }
    return "linear";
}

std::optional<Activation> activationFromName(std::string_view name)
{
    for (const auto &[value, known] : s_activationNames) {
        if (known == name)
            return value;
    }
    return std::nullopt;
}

void applyActivation(Activation activation, MatrixView values)
{
    auto a = values.array();
    switch (activation) {
    case Activation::Linear:
        break;
    case Activation::Relu:
        a = a.max(0.0f);
        break;
    case Activation::Tanh:
        a = a.tanh();
        break;
    case Activation::Sigmoid:
        a = a.logistic();
        break;
    case Activation::Softmax:
        softmaxRows(values);
        break;
    }
}

void applyBiasActivation(Activation activation, const Matrix &bias, MatrixView values)
{
    const Index cols = values.cols();
    const float *b = bias.data();
    if (activation == Activation::Relu) {
        for (Index r = 0; r < values.rows(); ++r) {
            float *row = values.data() + r * cols;
            for (Index c = 0; c < cols; ++c)
                row[c] = std::max(row[c] + b[c], 0.0f);
        }
        return;
    }
    for (Index r = 0; r < values.rows(); ++r) {
        float *row = values.data() + r * cols;
        for (Index c = 0; c < cols; ++c)
            row[c] += b[c];
    }
    applyActivation(activation, values);
}

void activationBackward(Activation activation, ConstMatrixView output, MatrixView gradient)
{
    auto g = gradient.array();
    const auto y = output.array();
    switch (activation) {
    case Activation::Linear:
        break;
    case Activation::Relu:
        g = (y > 0.0f).select(g, 0.0f);
        break;
    case Activation::Tanh:
        g *= 1.0f - y.square();
        break;
    case Activation::Sigmoid:
        g *= y * (1.0f - y);
        break;
    case Activation::Softmax:
        // dz_i = y_i (g_i - sum_j g_j y_j), row by row.
        for (Index r = 0; r < gradient.rows(); ++r) {
            const float dot = gradient.row(r).dot(output.row(r));
            gradient.row(r).array() = output.row(r).array() * (gradient.row(r).array() - dot);
        }
        break;
    }
}

} // namespace loupe
