#include "jobs/LrFindTypes.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace loupe {

namespace {

nlohmann::ordered_json number(double value)
{
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json optionalNumber(const std::optional<double> &value)
{
    return value ? number(*value) : nlohmann::ordered_json(nullptr);
}

double numberOrNaN(const nlohmann::json &value)
{
    return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

std::optional<double> optionalOf(const nlohmann::json &object, const char *key)
{
    if (!object.contains(key) || !object[key].is_number())
        return std::nullopt;
    return object[key].get<double>();
}

} // namespace

std::string lrFindSummaryJson(const LrFindResult &result)
{
    nlohmann::ordered_json document;
    document["mode"] = lrFindModeName(result.mode);
    nlohmann::ordered_json points = nlohmann::ordered_json::array();
    for (const LrPoint &point : result.points) {
        nlohmann::ordered_json item;
        item["lr"] = point.learningRate;
        item["loss"] = number(point.loss);
        if (result.mode == LrFindMode::OnePass)
            item["raw_loss"] = number(point.rawLoss);
        item["diverged"] = point.diverged;
        points.push_back(item);
    }
    document["points"] = points;
    const LrSuggestions &s = result.suggestions;
    document["suggestions"] = {{"recommended", optionalNumber(s.recommended)}, {"method", s.method},
        {"minimum", optionalNumber(s.minimum)}, {"loss_minimum_lr", optionalNumber(s.lossMinimumRate)},
        {"steep", optionalNumber(s.steep)}, {"valley", optionalNumber(s.valley)}};
    document["seconds"] = result.seconds;
    document["status"] = result.status.isCancelled() ? "cancelled" : "completed";
    return document.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Result<LrFindResult> lrFindResultFromJson(const std::string &summaryJson)
{
    const nlohmann::json document = nlohmann::json::parse(summaryJson, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return Status::invalidInput("summary: not a JSON object");
    if (!document.contains("points") || !document["points"].is_array())
        return Status::invalidInput("points: missing or not an array");
    LrFindResult result;
    result.mode = document.value("mode", std::string()) == "range" ? LrFindMode::Range : LrFindMode::OnePass;
    for (const nlohmann::json &item : document["points"]) {
        if (!item.is_object() || !item.contains("lr") || !item["lr"].is_number())
            return Status::invalidInput("points: an entry without a numeric \"lr\"");
        LrPoint point;
        point.learningRate = item["lr"].get<double>();
        point.loss = numberOrNaN(item.value("loss", nlohmann::json()));
        point.rawLoss = item.contains("raw_loss") ? numberOrNaN(item["raw_loss"]) : point.loss;
        point.diverged = item.value("diverged", false);
        result.points.push_back(point);
    }
    if (document.contains("suggestions") && document["suggestions"].is_object()) {
        const nlohmann::json &s = document["suggestions"];
        result.suggestions.recommended = optionalOf(s, "recommended");
        result.suggestions.method = s.value("method", std::string());
        result.suggestions.minimum = optionalOf(s, "minimum");
        result.suggestions.lossMinimumRate = optionalOf(s, "loss_minimum_lr");
        result.suggestions.steep = optionalOf(s, "steep");
        result.suggestions.valley = optionalOf(s, "valley");
    }
    result.seconds = document.value("seconds", 0.0);
    if (document.value("status", std::string()) == "cancelled")
        result.status = Status::cancelled();
    return result;
}

} // namespace loupe
