#include "core/lr/LrFindRunJson.h"

#include "core/util/JsonReader.h"
#include "core/util/JsonValues.h"

#include <cmath>
#include <limits>
#include <optional>

namespace loupe {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json optionalNumber(const std::optional<double> &value)
{
    return value ? jsonNumber(*value) : ordered_json(nullptr);
}

double numberOrNaN(const json &value)
{
    return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> optionalOf(const json &object, const char *key)
{
    if (!object.contains(key) || !object[key].is_number())
        return std::nullopt;
    return object[key].get<double>();
}

} // namespace

ordered_json lrFindConfigJson(const LrFindSettings &settings, const ModelSpec &spec, const TrainingData &data)
{
    ordered_json config;
    config["mode"] = lrFindModeName(settings.mode);
    if (settings.mode == LrFindMode::Range) {
        config["start"] = settings.range.start;
        config["factor"] = settings.range.factor;
        config["steps"] = settings.range.steps;
        config["fraction"] = settings.range.fraction;
        config["epochs"] = settings.range.epochs;
        config["seed"] = settings.range.seed;
    } else {
        config["start"] = settings.onePass.start;
        config["end"] = settings.onePass.end;
        config["steps"] = settings.onePass.iterations;
        config["beta"] = settings.onePass.beta;
        config["seed"] = settings.onePass.seed;
    }
    RunSubject::addTo(config, spec, data);
    return config;
}

LrFindRunConfig lrFindConfigFromJson(const std::string &configJson)
{
    LrFindRunConfig config;
    const json document = JsonReader::parseOrNull(configJson);
    config.mode = jsonText(document, "mode") == lrFindModeName(LrFindMode::Range) ? LrFindMode::Range
                                                                                 : LrFindMode::OnePass;
    config.verify = jsonText(document, "mode") == "verify";
    config.subject = RunSubject::of(document);
    return config;
}

ordered_json lrFindResultJson(const LrFindResult &result)
{
    ordered_json document;
    document["mode"] = lrFindModeName(result.mode);
    ordered_json points = ordered_json::array();
    for (const LrPoint &point : result.points) {
        ordered_json item;
        item["lr"] = point.learningRate;
        item["loss"] = jsonNumber(point.loss);
        if (result.mode == LrFindMode::OnePass)
            item["raw_loss"] = jsonNumber(point.rawLoss);
        item["diverged"] = point.diverged;
        points.push_back(item);
    }
    document["points"] = points;
    const LrSuggestions &s = result.suggestions;
    document["suggestions"] = {{"recommended", optionalNumber(s.recommended)}, {"method", s.method},
                               {"minimum", optionalNumber(s.minimum)},
                               {"loss_minimum_lr", optionalNumber(s.lossMinimumRate)},
                               {"steep", optionalNumber(s.steep)}, {"valley", optionalNumber(s.valley)}};
    document["seconds"] = result.seconds;
    document["status"] = result.status.isCancelled() ? "cancelled" : "completed";
    return document;
}

Result<LrFindResult> lrFindResultFromJson(const std::string &summaryJson)
{
    const json document = JsonReader::parseOrNull(summaryJson);
    if (!document.is_object())
        return Status::invalidInput("summary: not a JSON object");
    if (!document.contains("points") || !document["points"].is_array())
        return Status::invalidInput("points: missing or not an array");
    LrFindResult result;
    result.mode = jsonText(document, "mode") == "range" ? LrFindMode::Range : LrFindMode::OnePass;
    for (const json &item : document["points"]) {
        if (!item.is_object() || !item.contains("lr") || !item["lr"].is_number())
            return Status::invalidInput("points: an entry without a numeric \"lr\"");
        LrPoint point;
        point.learningRate = item["lr"].get<double>();
        point.loss = numberOrNaN(item.value("loss", json()));
        point.rawLoss = item.contains("raw_loss") ? numberOrNaN(item["raw_loss"]) : point.loss;
        point.diverged = jsonFlag(item, "diverged", false);
        result.points.push_back(point);
    }
    if (document.contains("suggestions") && document["suggestions"].is_object()) {
        const json &s = document["suggestions"];
        result.suggestions.recommended = optionalOf(s, "recommended");
        result.suggestions.method = jsonText(s, "method");
        result.suggestions.minimum = optionalOf(s, "minimum");
        result.suggestions.lossMinimumRate = optionalOf(s, "loss_minimum_lr");
        result.suggestions.steep = optionalOf(s, "steep");
        result.suggestions.valley = optionalOf(s, "valley");
    }
    result.seconds = jsonReal(document, "seconds", 0.0);
    if (jsonText(document, "status") == "cancelled")
        result.status = Status::cancelled();
    return result;
}

} // namespace loupe
