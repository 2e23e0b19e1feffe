#include "core/train/ModelSpecParser.h"

#include "core/optim/LearningRateLimits.h"

#include <cmath>

namespace loupe {

namespace {

using nlohmann::json;

std::string describe(const json &value)
{
    std::string text = value.dump();
    if (text.size() > 60)
        text = text.substr(0, 57) + "...";
    return text;
}

std::string join(const std::string &path, const char *key)
{
    return path.empty() ? std::string(key) : path + "." + key;
}

std::string numberRange(double low, double high, bool highInclusive)
{
    auto format = [](double v) {
        return v == std::floor(v) ? std::to_string(static_cast<long long>(v)) : json(v).dump();
    };
    return "a number in [" + format(low) + ", " + format(high) + (highInclusive ? "]" : ")");
}

} // namespace

bool ModelSpecParser::fail(const std::string &path, const std::string &message)
{
    if (!m_error)
        m_error = Status::invalidInput((path.empty() ? std::string("(root)") : path) + ": " + message);
    return false;
}

bool ModelSpecParser::checkKeys(const json &object, const std::string &path, std::initializer_list<const char *> allowed)
{
    for (const auto &item : object.items()) {
        bool known = false;
        std::string list;
        for (const char *key : allowed) {
            known = known || item.key() == key;
            list += (list.empty() ? "" : ", ") + std::string(key);
        }
        if (!known)
            return fail(join(path, item.key().c_str()), "unknown key (allowed here: " + list + ")");
    }
    return true;
}

bool ModelSpecParser::readPositiveInteger(const json &object, const char *key, const std::string &path,
                                          std::int64_t maximum, std::int64_t &target)
{
    if (!object.contains(key))
        return true;
    const json &value = object[key];
    const std::string where = join(path, key);
    const bool positive = value.is_number_unsigned() ? value.get<std::uint64_t>() > 0
                                                     : value.is_number_integer() && value.get<std::int64_t>() > 0;
    if (!positive)
        return fail(where, "expected a positive integer, got " + describe(value));
    if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(maximum))
        return fail(where, "expected a positive integer of at most " + std::to_string(maximum) + ", got " + describe(value));
    target = value.get<std::int64_t>();
    return true;
}

bool ModelSpecParser::readUnsigned(const json &object, const char *key, const std::string &path, std::uint64_t &target)
{
    if (!object.contains(key))
        return true;
    const json &value = object[key];
    if (!value.is_number_unsigned())
        return fail(join(path, key), "expected a non-negative integer, got " + describe(value));
    target = value.get<std::uint64_t>();
    return true;
}

bool ModelSpecParser::readNumber(const json &object, const char *key, const std::string &path, double low, double high,
                                 bool highInclusive, float &target)
{
    if (!object.contains(key))
        return true;
    const json &value = object[key];
    const std::string where = join(path, key);
    if (!value.is_number())
        return fail(where, "expected " + numberRange(low, high, highInclusive) + ", got " + describe(value));
    const double number = value.get<double>();
    const bool inRange = std::isfinite(number) && number >= low && (highInclusive ? number <= high : number < high);
    if (!inRange)
        return fail(where, "expected " + numberRange(low, high, highInclusive) + ", got " + describe(value));
    target = static_cast<float>(number);
    return true;
}

bool ModelSpecParser::readBool(const json &object, const char *key, const std::string &path, bool &target)
{
    if (!object.contains(key))
        return true;
    if (!object[key].is_boolean())
        return fail(join(path, key), "expected true or false, got " + describe(object[key]));
    target = object[key].get<bool>();
    return true;
}

bool ModelSpecParser::readString(const json &object, const char *key, const std::string &path, std::string &target)
{
    if (!object.contains(key))
        return true;
    if (!object[key].is_string())
        return fail(join(path, key), "expected a string, got " + describe(object[key]));
    target = object[key].get<std::string>();
    return true;
}

Result<ModelSpec> ModelSpecParser::parse(const json &root)
{
    m_error.reset();
    ModelSpec spec;
    if (!root.is_object()) {
        fail("", "expected a JSON object, got " + describe(root));
        return *m_error;
    }
    const bool ok = checkKeys(root, "",
                              {"name", "input", "layers", "optimizer", "loss", "batch_size", "epochs", "seed",
                               "validation_split", "shuffle", "schedule", "scaling", "features"})
        && readString(root, "name", "", spec.name) && parseInput(root, spec) && parseLayers(root, spec)
        && parseOptimizer(root, spec) && parseLoss(root, spec) && parseTraining(root, spec)
        && parseSchedule(root, spec) && parseScaling(root, spec) && parseFeatures(root, spec)
        && checkOutputMatchesLoss(spec);
    if (!ok)
        return *m_error;
    return spec;
}

bool ModelSpecParser::parseInput(const json &root, ModelSpec &spec)
{
    if (!root.contains("input"))
        return true;
    const json &input = root["input"];
    if (!input.is_object())
        return fail("input", "expected an object like {\"features\": 784}, got " + describe(input));
    std::int64_t features = 0;
    if (!checkKeys(input, "input", {"features"}) || !readPositiveInteger(input, "features", "input", 1 << 24, features))
        return false;
    if (!input.contains("features"))
        return fail("input.features", "required when \"input\" is given");
    spec.inputFeatures = features;
    return true;
}

bool ModelSpecParser::parseLayers(const json &root, ModelSpec &spec)
{
    if (!root.contains("layers"))
        return fail("layers", "required: a non-empty array of layers");
    const json &layers = root["layers"];
    if (!layers.is_array() || layers.empty())
        return fail("layers", "expected a non-empty array of layers, got " + describe(layers));
    for (std::size_t i = 0; i < layers.size(); ++i) {
        LayerSpec layer;
        if (!parseLayer(layers[i], "layers[" + std::to_string(i) + "]", layer))
            return false;
        spec.layers.push_back(layer);
    }
    return true;
}

bool ModelSpecParser::parseLayer(const json &layer, const std::string &path, LayerSpec &spec)
{
    if (!layer.is_object())
        return fail(path, "expected a layer object like {\"type\": \"dense\", \"units\": 64}, got " + describe(layer));
    if (!layer.contains("type"))
        return fail(path + ".type", "required (dense, dropout or activation)");
    std::string type;
    if (!readString(layer, "type", path, type))
        return false;
    std::string activation = "linear";
    if (type == "dense") {
        spec.kind = LayerKind::Dense;
        std::int64_t units = 0;
        std::string initializer = "glorot_uniform";
        if (!checkKeys(layer, path, {"type", "units", "activation", "kernel_initializer"})
            || !readPositiveInteger(layer, "units", path, 1 << 20, units) || !readString(layer, "activation", path, activation)
            || !readString(layer, "kernel_initializer", path, initializer))
            return false;
        if (!layer.contains("units"))
            return fail(path + ".units", "required: a positive integer");
        spec.units = units;
        const auto init = initializerFromName(initializer);
        if (!init || *init == Initializer::Zeros)
            return fail(path + ".kernel_initializer", "expected glorot_uniform, he_uniform or he_normal, got \"" + initializer + "\"");
        spec.kernelInitializer = *init;
    } else if (type == "dropout") {
        spec.kind = LayerKind::Dropout;
        if (!checkKeys(layer, path, {"type", "rate"}) || !readNumber(layer, "rate", path, 0.0, 1.0, false, spec.rate))
            return false;
        if (!layer.contains("rate"))
            return fail(path + ".rate", "required: a number in [0, 1)");
        return true;
    } else if (type == "activation") {
        spec.kind = LayerKind::Activation;
        if (!checkKeys(layer, path, {"type", "activation"}) || !readString(layer, "activation", path, activation))
            return false;
        if (!layer.contains("activation"))
            return fail(path + ".activation", "required (linear, relu, tanh, sigmoid or softmax)");
    } else {
        return fail(path + ".type", "unknown layer type \"" + type + "\" (expected dense, dropout or activation)");
    }
    const auto parsed = activationFromName(activation);
    if (!parsed)
        return fail(path + ".activation", "expected linear, relu, tanh, sigmoid or softmax, got \"" + activation + "\"");
    spec.activation = *parsed;
    return true;
}

bool ModelSpecParser::parseOptimizer(const json &root, ModelSpec &spec)
{
    if (!root.contains("optimizer"))
        return true;
    const json &optimizer = root["optimizer"];
    std::string type;
    if (optimizer.is_string()) {
        type = optimizer.get<std::string>();
    } else if (optimizer.is_object()) {
        if (!optimizer.contains("type"))
            return fail("optimizer.type", "required (sgd, rmsprop or adam)");
        if (!readString(optimizer, "type", "optimizer", type))
            return false;
    } else {
        return fail("optimizer", "expected a name or an object like {\"type\": \"rmsprop\"}, got " + describe(optimizer));
    }
    const std::string typePath = optimizer.is_string() ? "optimizer" : "optimizer.type";
    if (type == "sgd")
        spec.optimizer.kind = OptimizerKind::Sgd;
    else if (type == "rmsprop")
        spec.optimizer.kind = OptimizerKind::RmsProp;
    else if (type == "adam")
        spec.optimizer.kind = OptimizerKind::Adam;
    else
        return fail(typePath, "unknown optimizer \"" + type + "\" (expected sgd, rmsprop or adam)");
    return optimizer.is_string()
        || (parseOptimizerOptions(optimizer, "optimizer", spec.optimizer)
            && parseClipping(optimizer, "optimizer", spec.optimizer.clipping));
}

bool ModelSpecParser::parseClipping(const json &object, const std::string &path, GradientClipping &clipping)
{
    for (const char *key : {"clipnorm", "clipvalue"}) {
        if (!object.contains(key))
            continue;
        const json &value = object[key];
        const double number = value.is_number() ? value.get<double>() : 0.0;
        // float's range, so the stored limit is the number written (no overflow to infinity).
        if (!value.is_number() || !std::isfinite(number) || number <= 0.0 || number > 3.0e38)
            return fail(join(path, key), "expected a positive finite number, got " + describe(value));
        (std::string(key) == "clipnorm" ? clipping.clipNorm : clipping.clipValue) = static_cast<float>(number);
    }
    if (clipping.clipNorm > 0.0f && clipping.clipValue > 0.0f)
        return fail(join(path, "clipvalue"), "only one of clipnorm and clipvalue can be set (as in Keras)");
    return true;
}

bool ModelSpecParser::parseOptimizerOptions(const json &object, const std::string &path, OptimizerSpec &spec)
{
    constexpr double maxRate = LearningRateLimits::maximum;
    switch (spec.kind) {
    case OptimizerKind::Sgd: {
        Sgd::Options &o = spec.sgd;
        bool nesterov = o.nesterov == Nesterov::On;
        const bool ok = checkKeys(object, path, {"type", "learning_rate", "momentum", "nesterov", "clipnorm", "clipvalue"})
            && readNumber(object, "learning_rate", path, 0.0, maxRate, true, o.learningRate)
            && readNumber(object, "momentum", path, 0.0, 1.0, false, o.momentum)
            && readBool(object, "nesterov", path, nesterov);
        o.nesterov = nesterov ? Nesterov::On : Nesterov::Off;
        return ok;
    }
    case OptimizerKind::RmsProp: {
        RmsProp::Options &o = spec.rmsprop;
        bool centered = o.centered == Centered::On;
        const bool ok = checkKeys(object, path, {"type", "learning_rate", "rho", "momentum", "epsilon", "centered", "clipnorm", "clipvalue"})
            && readNumber(object, "learning_rate", path, 0.0, maxRate, true, o.learningRate)
            && readNumber(object, "rho", path, 0.0, 1.0, false, o.rho)
            && readNumber(object, "momentum", path, 0.0, 1.0, false, o.momentum)
            && readNumber(object, "epsilon", path, 1e-30, 1.0, true, o.epsilon)
            && readBool(object, "centered", path, centered);
        o.centered = centered ? Centered::On : Centered::Off;
        return ok;
    }
    case OptimizerKind::Adam: {
        Adam::Options &o = spec.adam;
        return checkKeys(object, path, {"type", "learning_rate", "beta_1", "beta_2", "epsilon", "clipnorm", "clipvalue"})
            && readNumber(object, "learning_rate", path, 0.0, maxRate, true, o.learningRate)
            && readNumber(object, "beta_1", path, 0.0, 1.0, false, o.beta1)
            && readNumber(object, "beta_2", path, 0.0, 1.0, false, o.beta2)
            && readNumber(object, "epsilon", path, 1e-30, 1.0, true, o.epsilon);
    }
    }
    return true;
}

bool ModelSpecParser::parseLoss(const json &root, ModelSpec &spec)
{
    if (!root.contains("loss"))
        return fail("loss", "required (categorical_crossentropy, binary_crossentropy or mse)");
    std::string loss;
    if (!readString(root, "loss", "", loss))
        return false;
    if (loss == "categorical_crossentropy")
        spec.loss = LossKind::CategoricalCrossEntropy;
    else if (loss == "binary_crossentropy")
        spec.loss = LossKind::BinaryCrossEntropy;
    else if (loss == "mse" || loss == "mean_squared_error")
        spec.loss = LossKind::MeanSquaredError;
    else
        return fail("loss", "unknown loss \"" + loss + "\" (expected categorical_crossentropy, binary_crossentropy or mse)");
    return true;
}

bool ModelSpecParser::parseTraining(const json &root, ModelSpec &spec)
{
    std::int64_t batchSize = spec.batchSize;
    std::int64_t epochs = spec.epochs;
    float split = 0.0f;
    const bool ok = readPositiveInteger(root, "batch_size", "", 1 << 20, batchSize)
        && readPositiveInteger(root, "epochs", "", 1000000, epochs) && readUnsigned(root, "seed", "", spec.seed)
        && readNumber(root, "validation_split", "", 0.0, 1.0, false, split) && readBool(root, "shuffle", "", spec.shuffle);
    spec.batchSize = static_cast<int>(batchSize);
    spec.epochs = static_cast<int>(epochs);
    if (root.contains("validation_split") && root["validation_split"].is_number())
        spec.validationSplit = root["validation_split"].get<double>();
    return ok;
}

bool ModelSpecParser::parseSchedule(const json &root, ModelSpec &spec)
{
    if (!root.contains("schedule"))
        return true;
    const json &object = root["schedule"];
    if (!object.is_object())
        return fail("schedule", "expected an object like {\"name\": \"cosine\", \"lr0\": 0.01}, got " + describe(object));
    auto schedule = ScheduleSpec::fromJson(object);
    if (!schedule.isOk()) {
        // "t_mult: expected ..." -> "schedule.t_mult: expected ...".
        const std::string &message = schedule.message();
        const std::size_t colon = message.find(": ");
        if (colon == std::string::npos)
            return fail("schedule", message);
        return fail(join("schedule", message.substr(0, colon).c_str()), message.substr(colon + 2));
    }
    spec.schedule = schedule.value();
    return true;
}

bool ModelSpecParser::parseScaling(const json &root, ModelSpec &spec)
{
    if (!root.contains("scaling"))
        return true;
    const json &value = root["scaling"];
    if (!value.is_string())
        return fail("scaling", "expected a scaling method name (" + scalingMethodNames() + "), got " + describe(value));
    const auto method = scalingMethodFromName(value.get<std::string>());
    if (!method)
        return fail("scaling", "unknown scaling method " + describe(value) + " (expected " + scalingMethodNames() + ")");
    spec.scaling = *method;
    return true;
}

bool ModelSpecParser::parseFeatures(const json &root, ModelSpec &spec)
{
    if (!root.contains("features"))
        return true;
    auto features = SpecFeatures::fromJson(root["features"]);
    if (!features.isOk()) {
        m_error = features.status();
        return false;
    }
    spec.features = features.takeValue();
    return true;
}

bool ModelSpecParser::checkOutputMatchesLoss(const ModelSpec &spec)
{
    const std::size_t last = spec.layers.size() - 1;
    const LayerSpec &output = spec.layers[last];
    const std::string path = "layers[" + std::to_string(last) + "]";
    if (output.kind == LayerKind::Dropout)
        return fail(path + ".type", "the last layer must be dense or activation, got dropout");
    bool hasDense = false;
    for (const LayerSpec &layer : spec.layers)
        hasDense = hasDense || layer.kind == LayerKind::Dense;
    if (!hasDense)
        return fail("layers", "expected at least one dense layer");
    for (std::size_t i = 0; i < last; ++i) {
        if (spec.layers[i].activation == Activation::Softmax)
            return fail("layers[" + std::to_string(i) + "].activation", "softmax is only supported on the last layer");
    }
    if (spec.loss == LossKind::CategoricalCrossEntropy && output.activation != Activation::Softmax)
        return fail(path + ".activation", "categorical_crossentropy needs a softmax output, got " + activationName(output.activation));
    if (spec.loss == LossKind::BinaryCrossEntropy && output.activation != Activation::Sigmoid)
        return fail(path + ".activation", "binary_crossentropy needs a sigmoid output, got " + activationName(output.activation));
    if (spec.loss == LossKind::CategoricalCrossEntropy && output.kind == LayerKind::Dense && output.units < 2)
        return fail(path + ".units", "categorical_crossentropy needs at least 2 output units, got " + std::to_string(output.units));
    return true;
}

} // namespace loupe
