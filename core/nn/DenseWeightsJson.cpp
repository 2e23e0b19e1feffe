#include "core/nn/DenseWeightsJson.h"

#include "core/util/JsonReader.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace loupe {

namespace {

using nlohmann::json;

// The float's shortest decimal text, read back as a double: 0.1f is written 0.1, not 0.100000001.
double interchangeNumber(float value)
{
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text - 1, value);
    *result.ptr = '\0';
    return std::strtod(text, nullptr);
}

std::string interchangeDescribe(const json &value)
{
    std::string text = value.dump();
    return text.size() > 40 ? text.substr(0, 37) + "..." : text;
}

Status interchangeError(std::string_view source, const std::string &path, const std::string &what)
{
    return Status::invalidInput(std::string(source) + ": " + path + ": " + what);
}

// A finite number that fits a float, or an error naming path.
Status readFloat(const json &value, std::string_view source, const std::string &path, float &target)
{
    const bool number = value.is_number();
    const double d = number ? value.get<double>() : 0.0;
    if (!number || !std::isfinite(d) || std::abs(d) > 3.4028234663852886e38)
        return interchangeError(source, path, "expected a finite number, got " + interchangeDescribe(value));
    target = static_cast<float>(d);
    return Status::ok();
}

Status readRow(const json &row, std::string_view source, const std::string &path, Index expected, float *out)
{
    if (!row.is_array() || row.empty())
        return interchangeError(source, path, "expected a non-empty array of numbers, got " + interchangeDescribe(row));
    if (expected >= 0 && static_cast<Index>(row.size()) != expected)
        return interchangeError(source, path,
                                "expected " + std::to_string(expected) + " numbers, got " + std::to_string(row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (Status s = readFloat(row[i], source, path + "[" + std::to_string(i) + "]", out[i]); !s.isOk())
            return s;
    }
    return Status::ok();
}

Result<DenseWeightsJson::Layer> readLayer(const json &item, std::string_view source, const std::string &path)
{
    if (!item.is_object())
        return interchangeError(source, path, "expected an object like {\"weights\": [[...]], \"bias\": [...]}, got "
                                                  + interchangeDescribe(item));
    for (const auto &member : item.items()) {
        if (member.key() != "weights" && member.key() != "bias")
            return interchangeError(source, path + "." + member.key(), "unknown key (allowed here: weights, bias)");
    }
    for (const char *key : {"weights", "bias"}) {
        if (!item.contains(key))
            return interchangeError(source, path + "." + key, "required");
    }
    const json &weights = item["weights"];
    if (!weights.is_array() || weights.empty())
        return interchangeError(source, path + ".weights",
                                "expected [inputs][outputs] numbers (an array of rows), got " + interchangeDescribe(weights));
    const json &first = weights[0];
    const Index outputs = first.is_array() ? static_cast<Index>(first.size()) : 0;
    DenseWeightsJson::Layer layer;
    layer.weights.resize(static_cast<Index>(weights.size()), std::max<Index>(outputs, 1));
    for (std::size_t r = 0; r < weights.size(); ++r) {
        const std::string rowPath = path + ".weights[" + std::to_string(r) + "]";
        if (Status s = readRow(weights[r], source, rowPath, r == 0 ? -1 : outputs, layer.weights.row(Index(r)).data());
            !s.isOk())
            return s;
    }
    const json &bias = item["bias"];
    if (bias.is_array() && static_cast<Index>(bias.size()) != outputs)
        return interchangeError(source, path + ".bias",
                                "expected " + std::to_string(outputs) + " numbers (one per output, as weights[0] has), got "
                                    + std::to_string(bias.size()));
    layer.bias.resize(1, outputs);
    if (Status s = readRow(bias, source, path + ".bias", outputs, layer.bias.data()); !s.isOk())
        return s;
    return layer;
}

} // namespace

Result<std::vector<DenseWeightsJson::Layer>> DenseWeightsJson::parse(std::string_view text, std::string_view source)
{
    auto document = JsonReader::parse(text, source);
    if (!document.isOk())
        return document.status();
    const json &root = document.value();
    if (!root.is_object())
        return interchangeError(source, "(root)", "expected an object like {\"layers\": [...]}, got " + interchangeDescribe(root));
    for (const auto &member : root.items()) {
        if (member.key() != "layers")
            return interchangeError(source, member.key(), "unknown key (allowed here: layers)");
    }
    if (!root.contains("layers") || !root["layers"].is_array() || root["layers"].empty())
        return interchangeError(source, "layers", "required: a non-empty array, one entry per Dense layer");
    std::vector<Layer> layers;
    const json &items = root["layers"];
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto layer = readLayer(items[i], source, "layers[" + std::to_string(i) + "]");
        if (!layer.isOk())
            return layer.status();
        layers.push_back(std::move(layer.value()));
    }
    return layers;
}

Result<std::vector<DenseWeightsJson::Layer>> DenseWeightsJson::readFile(const std::string &path)
{
    auto text = JsonReader::readFile(path);
    if (!text.isOk())
        return text.status();
    return parse(text.value(), path);
}

nlohmann::ordered_json DenseWeightsJson::toJson(const std::vector<Layer> &layers)
{
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const Layer &layer : layers) {
        nlohmann::ordered_json weights = nlohmann::ordered_json::array();
        for (Index r = 0; r < layer.weights.rows(); ++r) {
            nlohmann::ordered_json row = nlohmann::ordered_json::array();
            for (Index c = 0; c < layer.weights.cols(); ++c)
                row.push_back(interchangeNumber(layer.weights(r, c)));
            weights.push_back(std::move(row));
        }
        nlohmann::ordered_json bias = nlohmann::ordered_json::array();
        for (Index c = 0; c < layer.bias.size(); ++c)
            bias.push_back(interchangeNumber(layer.bias(0, c)));
        nlohmann::ordered_json item;
        item["weights"] = std::move(weights);
        item["bias"] = std::move(bias);
        items.push_back(std::move(item));
    }
    nlohmann::ordered_json root;
    root["layers"] = std::move(items);
    return root;
}

} // namespace loupe
