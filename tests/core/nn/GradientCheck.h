#pragma once
// Central finite differences against a layer's or a loss's analytic gradients.
// The probe objective is J = sum(R .* f(x)) for a fixed random R, accumulated in double; with
// float32 forward passes, eps = 1e-2 keeps truncation (~eps^2) and rounding (~1e-6 / eps) errors
// near 1e-4, so a tolerance of 2e-3 absolute + 1e-2 relative catches any real mistake
// (a wrong sign, factor or transpose is off by O(1)).

#include "core/nn/Layer.h"
#include "core/nn/Loss.h"
#include "core/util/RandomGenerator.h"

#include <cmath>
#include <string>

namespace loupe::test {

constexpr float s_fdEpsilon = 1e-2f;
constexpr double s_fdAbsolute = 2e-3;
constexpr double s_fdRelative = 1e-2;

inline Matrix randomMatrix(Index rows, Index cols, RandomGenerator &rng, float low = -1.0f, float high = 1.0f)
{
    Matrix m(rows, cols);
    for (Index i = 0; i < m.size(); ++i)
        m.data()[i] = rng.uniform(low, high);
    return m;
}

inline double probe(const Matrix &output, const Matrix &weights)
{
    double sum = 0.0;
    for (Index i = 0; i < output.size(); ++i)
        sum += double(output.data()[i]) * double(weights.data()[i]);
    return sum;
}

inline bool close(double numeric, double analytic)
{
    return std::abs(numeric - analytic) <= s_fdAbsolute + s_fdRelative * std::abs(analytic);
}

// Empty string when every input and parameter gradient matches; otherwise the first mismatch.
// requires: the layer is built and deterministic in Mode::Training (no dropout).
inline std::string checkLayerGradients(Layer &layer, const Matrix &input, std::uint64_t seed)
{
    RandomGenerator rng(seed);
    Matrix output(input.rows(), layer.outputFeatures());
    const Matrix weights = randomMatrix(output.rows(), output.cols(), rng);
    auto objective = [&](const Matrix &x) {
        Matrix out(x.rows(), layer.outputFeatures());
        layer.forward(constView(x), viewOf(out), Mode::Training);
        return probe(out, weights);
    };
    layer.forward(constView(input), viewOf(output), Mode::Training);
    Matrix outputGradient = weights;
    Matrix inputGradient(input.rows(), input.cols());
    MatrixView inputGradientView = viewOf(inputGradient);
    layer.backward(constView(input), constView(output), viewOf(outputGradient), &inputGradientView);
    std::vector<Matrix> analytic;
    for (const ParameterBlock &block : layer.parameters())
        analytic.push_back(*block.gradient);

    Matrix x = input;
    for (Index i = 0; i < x.size(); ++i) {
        const float saved = x.data()[i];
        x.data()[i] = saved + s_fdEpsilon;
        const double plus = objective(x);
        x.data()[i] = saved - s_fdEpsilon;
        const double minus = objective(x);
        x.data()[i] = saved;
        const double numeric = (plus - minus) / (2.0 * s_fdEpsilon);
        if (!close(numeric, inputGradient.data()[i]))
            return "input[" + std::to_string(i) + "]: numeric " + std::to_string(numeric) + ", analytic "
                + std::to_string(inputGradient.data()[i]);
    }
    const auto blocks = layer.parameters();
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        Matrix &value = *blocks[b].value;
        for (Index i = 0; i < value.size(); ++i) {
            const float saved = value.data()[i];
            value.data()[i] = saved + s_fdEpsilon;
            const double plus = objective(input);
            value.data()[i] = saved - s_fdEpsilon;
            const double minus = objective(input);
            value.data()[i] = saved;
            const double numeric = (plus - minus) / (2.0 * s_fdEpsilon);
            if (!close(numeric, analytic[b].data()[i]))
                return blocks[b].name + "[" + std::to_string(i) + "]: numeric " + std::to_string(numeric) + ", analytic "
                    + std::to_string(analytic[b].data()[i]);
        }
    }
    return {};
}

// Same for a loss: d(mean loss)/d(output).
inline std::string checkLossGradient(const Loss &loss, const Matrix &output, const Matrix &target)
{
    Matrix gradient(output.rows(), output.cols());
    const double value = loss.valueAndGradient(constView(output), constView(target), viewOf(gradient));
    if (std::abs(value - loss.value(constView(output), constView(target))) > 1e-9)
        return "valueAndGradient() and value() disagree";
    Matrix x = output;
    for (Index i = 0; i < x.size(); ++i) {
        const float saved = x.data()[i];
        x.data()[i] = saved + s_fdEpsilon;
        const double plus = loss.value(constView(x), constView(target));
        x.data()[i] = saved - s_fdEpsilon;
        const double minus = loss.value(constView(x), constView(target));
        x.data()[i] = saved;
        const double numeric = (plus - minus) / (2.0 * s_fdEpsilon);
        // Loss gradients are small (1 / rows); compare them on their own scale.
        if (std::abs(numeric - gradient.data()[i]) > 1e-4 + s_fdRelative * std::abs(gradient.data()[i]))
            return "output[" + std::to_string(i) + "]: numeric " + std::to_string(numeric) + ", analytic "
                + std::to_string(gradient.data()[i]);
    }
    return {};
}

} // namespace loupe::test
