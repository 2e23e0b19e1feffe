#include "app/cli/SpecAdaptation.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliText.h"
#include "app/cli/ParsedArguments.h"
#include "core/train/ModelSpecFit.h"
#include "core/train/TrainingDataService.h"
#include "core/train/TrainingSession.h"

#include <nlohmann/json.hpp>

#include <optional>

namespace loupe::cli {

namespace {

std::optional<std::size_t> lastDenseLayerOf(const ModelSpec &spec)
{
    for (std::size_t i = spec.layers.size(); i > 0; --i) {
        if (spec.layers[i - 1].kind == LayerKind::Dense)
            return i - 1;
    }
    return std::nullopt;
}

} // namespace

void SpecAdaptation::declare(ArgumentParser &parser)
{
    parser.addFlag(QStringLiteral("adapt-spec"),
                   QStringLiteral("CSV: fit the spec's input and output layers to the data (as the Train page's "
                                  "\"Adapt the spec\") and say what changed"));
}

bool SpecAdaptation::isRequested(const ParsedArguments &arguments)
{
    return arguments.isSet(QStringLiteral("adapt-spec"));
}

Result<ModelSpec> SpecAdaptation::apply(const ParsedArguments &arguments, CliContext &context, const ModelSpec &spec,
                                        LoadedTrainingData &loaded)
{
    if (!isRequested(arguments))
        return spec;
    const std::string command = "loupe-cli " + toUtf8(context.commandName()) + ": --adapt-spec: ";
    if (!loaded.data.featurePlan) {
        context.err() << command << "nothing to adapt for " << loaded.data.source << " (not a CSV)\n" << std::flush;
        return spec;
    }
    const FeaturePlan &plan = *loaded.data.featurePlan;
    const SpecFit fit = ModelSpecFit::check(spec, plan);
    if (fit.fits()) {
        context.err() << command << "the spec already fits the data (" << fit.dataInputs << " inputs)\n" << std::flush;
        return spec;
    }
    const ModelSpec adapted = ModelSpecFit::adapt(spec, plan);
    context.err() << command << fit.describe() << "; changed: " << changes(spec, adapted, fit.dataInputs) << '\n'
                  << std::flush;
    if (TrainingSession::binaryTargetsFor(adapted) != TrainingSession::binaryTargetsFor(spec)) {
        auto prepared = TrainingDataService::prepare(loaded.request, adapted);
        if (!prepared.isOk())
            return prepared.status();
        loaded.data = prepared.takeValue();
    }
    return adapted;
}

nlohmann::json SpecAdaptation::adaptTemplate(const nlohmann::json &spaceTemplate, const ModelSpec &reference,
                                             const ModelSpec &adapted)
{
    nlohmann::json result = spaceTemplate;
    if (result.contains("input") && result["input"].is_object()) {
        result["input"].erase("features");
        if (result["input"].empty())
            result.erase("input");
    }
    const auto last = lastDenseLayerOf(adapted);
    if (!last || !result.contains("layers") || !result["layers"].is_array()
        || result["layers"].size() != reference.layers.size())
        return result;
    nlohmann::json &layers = result["layers"];
    while (layers.size() > *last + 1)
        layers.erase(layers.size() - 1);
    nlohmann::json &output = layers[*last];
    output["units"] = adapted.layers[*last].units;
    output["activation"] = activationName(adapted.layers[*last].activation);
    result["loss"] = lossName(adapted.loss);
    return result;
}

std::string SpecAdaptation::withHint(const std::string &message)
{
    const bool width = message.find("input.features: the spec says") != std::string::npos
                       || message.find("].units: the model outputs") != std::string::npos
                       || message.find("loss: \"") != std::string::npos;
    if (!width)
        return message;
    return message + "; --adapt-spec fits the spec's input and output layers to the data";
}

std::string SpecAdaptation::changes(const ModelSpec &before, const ModelSpec &after, long long dataInputs)
{
    std::string text;
    auto add = [&text](const std::string &change) { text += (text.empty() ? "" : "; ") + change; };
    if (before.inputFeatures != after.inputFeatures)
        add("input.features " + std::to_string(before.inputFeatures) + " -> taken from the data ("
            + std::to_string(dataInputs) + ")");
    const auto last = lastDenseLayerOf(after);
    if (last && *last < before.layers.size()) {
        const LayerSpec &old = before.layers[*last];
        const LayerSpec &now = after.layers[*last];
        const std::string path = "layers[" + std::to_string(*last) + "]";
        if (old.units != now.units)
            add(path + ".units " + std::to_string(old.units) + " -> " + std::to_string(now.units));
        if (old.activation != now.activation)
            add(path + ".activation " + activationName(old.activation) + " -> " + activationName(now.activation));
    }
    if (after.layers.size() < before.layers.size())
        add(std::to_string(before.layers.size() - after.layers.size()) + " layer(s) after the output dropped");
    if (before.loss != after.loss)
        add("loss " + lossName(before.loss) + " -> " + lossName(after.loss));
    return text.empty() ? std::string("nothing") : text;
}

} // namespace loupe::cli
