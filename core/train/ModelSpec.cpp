#include "core/train/ModelSpec.h"

#include "core/train/ModelSpecParser.h"
#include "core/util/JsonReader.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>

namespace loupe {

namespace {
// The double whose shortest decimal form is the float's (0.001f -> 0.001, not 0.0010000000474...).
double plain(float value)
{
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text - 1, value);
    *result.ptr = '\0';
    return std::strtod(text, nullptr);
}
} // namespace

float OptimizerSpec::learningRate() const
{
    switch (kind) {
    case OptimizerKind::Sgd:
        return sgd.learningRate;
    case OptimizerKind::RmsProp:
        return rmsprop.learningRate;
    case OptimizerKind::Adam:
        return adam.learningRate;
    }
    return rmsprop.learningRate;
}

std::string lossName(LossKind loss)
{
    switch (loss) {
    case LossKind::CategoricalCrossEntropy:
        return "categorical_crossentropy";
    case LossKind::BinaryCrossEntropy:
        return "binary_crossentropy";
    case LossKind::MeanSquaredError:
        return "mse";
    }
    return "mse";
}

std::string optimizerName(OptimizerKind optimizer)
{
    switch (optimizer) {
    case OptimizerKind::Sgd:
        return "sgd";
    case OptimizerKind::RmsProp:
        return "rmsprop";
    case OptimizerKind::Adam:
        return "adam";
    }
    return "rmsprop";
}

Result<ModelSpec> ModelSpec::parse(const std::string &jsonText, std::string_view source)
{
    Result<nlohmann::json> root = JsonReader::parse(jsonText, source);
    if (!root.isOk())
        return root.status();
    return fromJson(root.value());
}

Result<ModelSpec> ModelSpec::fromJson(const nlohmann::json &root)
{
    try {
        return ModelSpecParser().parse(root);
    } catch (const nlohmann::json::exception &error) {
        // Every access is checked first; this only guards against a check gone missing.
        return Status::invalidInput(std::string("(root): unexpected JSON value: ") + error.what());
    }
}

Result<ModelSpec> ModelSpec::fromFile(const std::string &path)
{
    Result<nlohmann::json> root = JsonReader::parseFile(path);
    if (!root.isOk())
        return root.status();
    auto spec = fromJson(root.value());
    if (!spec.isOk())
        return Status::invalidInput(path + ": " + spec.message());
    return spec;
}

nlohmann::ordered_json ModelSpec::toJson() const
{
    using nlohmann::ordered_json;
    ordered_json root;
    root["name"] = name;
    if (inputFeatures > 0)
        root["input"] = {{"features", inputFeatures}};
    ordered_json layerArray = ordered_json::array();
    for (const LayerSpec &layer : layers) {
        ordered_json item;
        switch (layer.kind) {
        case LayerKind::Dense:
            item["type"] = "dense";
            item["units"] = layer.units;
            item["activation"] = activationName(layer.activation);
            item["kernel_initializer"] = initializerName(layer.kernelInitializer);
            break;
        case LayerKind::Dropout:
            item["type"] = "dropout";
            item["rate"] = plain(layer.rate);
            break;
        case LayerKind::Activation:
            item["type"] = "activation";
            item["activation"] = activationName(layer.activation);
            break;
        }
        layerArray.push_back(item);
    }
    root["layers"] = layerArray;
    ordered_json opt;
    opt["type"] = optimizerName(optimizer.kind);
    switch (optimizer.kind) {
    case OptimizerKind::Sgd:
        opt["learning_rate"] = plain(optimizer.sgd.learningRate);
        opt["momentum"] = plain(optimizer.sgd.momentum);
        opt["nesterov"] = optimizer.sgd.nesterov == Nesterov::On;
        break;
    case OptimizerKind::RmsProp:
        opt["learning_rate"] = plain(optimizer.rmsprop.learningRate);
        opt["rho"] = plain(optimizer.rmsprop.rho);
        opt["momentum"] = plain(optimizer.rmsprop.momentum);
        opt["epsilon"] = plain(optimizer.rmsprop.epsilon);
        opt["centered"] = optimizer.rmsprop.centered == Centered::On;
        break;
    case OptimizerKind::Adam:
        opt["learning_rate"] = plain(optimizer.adam.learningRate);
        opt["beta_1"] = plain(optimizer.adam.beta1);
        opt["beta_2"] = plain(optimizer.adam.beta2);
        opt["epsilon"] = plain(optimizer.adam.epsilon);
        break;
    }
    // Written only when set, as Keras' get_config() leaves None out of the optimizers' configs here.
    if (optimizer.clipping.clipNorm > 0.0f)
        opt["clipnorm"] = plain(optimizer.clipping.clipNorm);
    if (optimizer.clipping.clipValue > 0.0f)
        opt["clipvalue"] = plain(optimizer.clipping.clipValue);
    root["optimizer"] = opt;
    root["loss"] = lossName(loss);
    root["batch_size"] = batchSize;
    root["epochs"] = epochs;
    root["seed"] = seed;
    if (validationSplit)
        root["validation_split"] = *validationSplit;
    root["shuffle"] = shuffle;
    if (schedule)
        root["schedule"] = schedule->toJson();
    if (scaling)
        root["scaling"] = scalingMethodName(*scaling);
    if (features)
        root["features"] = features->toJson();
    return root;
}

std::string ModelSpec::toJsonText() const
{
    return toJson().dump(2);
}

} // namespace loupe
