#include "core/train/ModelSpecFit.h"

#include <optional>

namespace loupe {

namespace {

std::optional<std::size_t> lastDenseOf(const ModelSpec &spec)
{
    for (std::size_t i = spec.layers.size(); i > 0; --i) {
        if (spec.layers[i - 1].kind == LayerKind::Dense)
            return i - 1;
    }
    return std::nullopt;
}

// The activation the model's outputs end with: the last activation layer after the last dense
// layer, else the dense layer's own.
Activation outputActivationOf(const ModelSpec &spec, std::size_t lastDense)
{
    Activation activation = spec.layers[lastDense].activation;
    for (std::size_t i = lastDense + 1; i < spec.layers.size(); ++i) {
        if (spec.layers[i].kind == LayerKind::Activation)
            activation = spec.layers[i].activation;
    }
    return activation;
}

bool outputsFit(const ModelSpec &spec, const SpecFit &fit)
{
    const auto last = lastDenseOf(spec);
    if (!last)
        return false;
    const Activation activation = outputActivationOf(spec, *last);
    if (fit.regression)
        return spec.loss == LossKind::MeanSquaredError && fit.specOutputs == 1 && activation == Activation::Linear;
    if (fit.dataOutputs == 2 && spec.loss == LossKind::BinaryCrossEntropy)
        return fit.specOutputs == 1 && activation == Activation::Sigmoid;
    return spec.loss == LossKind::CategoricalCrossEntropy && fit.specOutputs == fit.dataOutputs
           && activation == Activation::Softmax;
}

} // namespace

std::string SpecFit::describe() const
{
    const std::string inputs = specInputs > 0 ? std::to_string(specInputs) + " inputs" : std::string("its inputs from the data");
    const std::string outputs = regression ? std::string("1 number (regression)") : std::to_string(dataOutputs) + " classes";
    return "the spec expects " + inputs + " and " + std::to_string(specOutputs) + " output(s); the data gives "
           + std::to_string(dataInputs) + " inputs and " + outputs;
}

SpecFit ModelSpecFit::check(const ModelSpec &spec, const FeaturePlan &plan)
{
    SpecFit fit;
    fit.specInputs = spec.inputFeatures;
    fit.dataInputs = static_cast<Index>(plan.featureWidth());
    fit.regression = plan.classes.empty();
    fit.dataOutputs = fit.regression ? 1 : static_cast<Index>(plan.classes.size());
    const auto last = lastDenseOf(spec);
    fit.specOutputs = last ? spec.layers[*last].units : 0;
    fit.inputFits = spec.inputFeatures <= 0 || spec.inputFeatures == fit.dataInputs;
    fit.outputFits = outputsFit(spec, fit);
    return fit;
}

ModelSpec ModelSpecFit::adapt(const ModelSpec &spec, const FeaturePlan &plan)
{
    ModelSpec adapted = spec;
    adapted.inputFeatures = 0;
    const SpecFit fit = check(adapted, plan);
    if (fit.outputFits)
        return adapted;
    const auto last = lastDenseOf(adapted);
    if (!last)
        return adapted; // a parsed spec always has a dense layer
    adapted.layers.resize(*last + 1); // activation layers after it would fight the new output
    LayerSpec &output = adapted.layers[*last];
    if (fit.regression) {
        output.units = 1;
        output.activation = Activation::Linear;
        adapted.loss = LossKind::MeanSquaredError;
    } else {
        output.units = fit.dataOutputs;
        output.activation = Activation::Softmax;
        adapted.loss = LossKind::CategoricalCrossEntropy;
    }
    return adapted;
}

} // namespace loupe
