#include "core/train/SpecFeatures.h"

#include "core/train/TrainingDataRequest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace loupe {

namespace {

Status featuresError(const std::string &path, const std::string &message)
{
    return Status::invalidInput("features" + (path.empty() ? std::string() : "." + path) + ": " + message);
}

std::string featuresDescribe(const nlohmann::json &value)
{
    std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return text;
}

Status readNames(const nlohmann::json &object, const char *key, std::vector<std::string> &names)
{
    if (!object.contains(key))
        return Status::ok();
    const nlohmann::json &list = object[key];
    if (!list.is_array())
        return featuresError(key, "expected an array of column names, got " + featuresDescribe(list));
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string() || list[i].get<std::string>().empty())
            return featuresError(std::string(key) + "[" + std::to_string(i) + "]",
                                 "expected a column name, got " + featuresDescribe(list[i]));
        names.push_back(list[i].get<std::string>());
    }
    return Status::ok();
}

Result<std::string> readWord(const nlohmann::json &object, const char *key)
{
    const nlohmann::json &value = object[key];
    if (!value.is_string())
        return featuresError(key, "expected a string, got " + featuresDescribe(value));
    return value.get<std::string>();
}

void appendNewNames(std::vector<std::string> &to, const std::vector<std::string> &from)
{
    for (const std::string &name : from) {
        if (std::find(to.begin(), to.end(), name) == to.end())
            to.push_back(name);
    }
}

} // namespace

Result<SpecFeatures> SpecFeatures::fromJson(const nlohmann::json &value)
{
    if (!value.is_object())
        return featuresError("", "expected an object like {\"ignored\": [\"id\"], \"class_weight\": \"balanced\"}, got "
                                     + featuresDescribe(value));
    static const char *const s_keys[] = {"target", "selection", "ignored", "kept", "max_levels",
                                         "missing", "class_weight", "resample"};
    for (auto item = value.begin(); item != value.end(); ++item) {
        if (std::none_of(std::begin(s_keys), std::end(s_keys), [&](const char *key) { return item.key() == key; }))
            return featuresError(item.key(), "unknown key (allowed here: target, selection, ignored, kept, max_levels, "
                                             "missing, class_weight, resample)");
    }
    SpecFeatures features;
    if (value.contains("target")) {
        auto target = readWord(value, "target");
        if (!target.isOk())
            return target.status();
        features.target = target.value();
    }
    if (value.contains("selection")) {
        auto word = readWord(value, "selection");
        if (!word.isOk())
            return word.status();
        if (word.value() != "proposed" && word.value() != "as_given")
            return featuresError("selection", "expected \"proposed\" or \"as_given\", got \"" + word.value() + "\"");
        features.selection = word.value() == "proposed" ? ColumnSelection::Proposed : ColumnSelection::AsGiven;
    }
    if (Status status = readNames(value, "ignored", features.ignored); !status.isOk())
        return status;
    if (Status status = readNames(value, "kept", features.kept); !status.isOk())
        return status;
    if (value.contains("max_levels")) {
        const nlohmann::json &levels = value["max_levels"];
        if (!levels.is_number_integer() || levels.get<std::int64_t>() < 1 || levels.get<std::int64_t>() > 10000)
            return featuresError("max_levels", "expected an integer in [1, 10000], got " + featuresDescribe(levels));
        features.maxLevels = levels.get<std::size_t>();
    }
    if (value.contains("missing")) {
        auto word = readWord(value, "missing");
        if (!word.isOk())
            return word.status();
        if (word.value() != "impute" && word.value() != "reject")
            return featuresError("missing", "expected \"impute\" or \"reject\", got \"" + word.value() + "\"");
        features.missing = word.value() == "impute" ? MissingValues::Impute : MissingValues::Reject;
    }
    if (value.contains("class_weight")) {
        auto word = readWord(value, "class_weight");
        if (!word.isOk())
            return word.status();
        features.classWeighting = classWeightingFromName(word.value());
        if (!features.classWeighting)
            return featuresError("class_weight", "expected \"none\" or \"balanced\", got \"" + word.value() + "\"");
    }
    if (value.contains("resample")) {
        auto word = readWord(value, "resample");
        if (!word.isOk())
            return word.status();
        features.resampling = resamplingFromName(word.value());
        if (!features.resampling)
            return featuresError("resample", "expected \"none\", \"oversample\" or \"undersample\", got \"" + word.value()
                                                 + "\"");
    }
    return features;
}

nlohmann::ordered_json SpecFeatures::toJson() const
{
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (!target.empty())
        json["target"] = target;
    if (selection)
        json["selection"] = *selection == ColumnSelection::Proposed ? "proposed" : "as_given";
    if (!ignored.empty())
        json["ignored"] = ignored;
    if (!kept.empty())
        json["kept"] = kept;
    if (maxLevels)
        json["max_levels"] = *maxLevels;
    if (missing)
        json["missing"] = *missing == MissingValues::Impute ? "impute" : "reject";
    if (classWeighting)
        json["class_weight"] = classWeightingName(*classWeighting);
    if (resampling)
        json["resample"] = resamplingName(*resampling);
    return json;
}

SpecFeatures SpecFeatures::fromPlan(const FeaturePlan &plan)
{
    SpecFeatures features;
    features.target = plan.target;
    features.selection = plan.selection;
    for (const FeatureColumn &column : plan.columns) {
        if (!column.chosen)
            continue;
        if (column.role == FeatureRole::Ignored)
            features.ignored.push_back(column.name);
        else if (column.role == FeatureRole::Feature)
            features.kept.push_back(column.name);
    }
    features.maxLevels = plan.maxFeatureLevels;
    if (plan.missingChosen)
        features.missing = plan.missing;
    if (!plan.classes.empty()) {
        features.classWeighting = plan.classWeighting;
        features.resampling = plan.resampling;
    }
    return features;
}

SpecFeatures SpecFeatures::fromRequest(const TrainingDataRequest &request)
{
    SpecFeatures features;
    features.target = request.target;
    features.selection = request.selection;
    features.ignored = request.excluded;
    features.kept = request.kept;
    features.maxLevels = request.maxFeatureLevels;
    features.missing = request.missing;
    features.classWeighting = request.classWeighting;
    features.resampling = request.resampling;
    return features;
}

void SpecFeatures::fillIn(TrainingDataRequest &request) const
{
    if (request.target.empty())
        request.target = target;
    if (selection == ColumnSelection::AsGiven)
        request.selection = ColumnSelection::AsGiven;
    for (const std::string &name : ignored) {
        if (std::find(request.kept.begin(), request.kept.end(), name) == request.kept.end())
            appendNewNames(request.excluded, {name});
    }
    for (const std::string &name : kept) {
        if (std::find(request.excluded.begin(), request.excluded.end(), name) == request.excluded.end()
            && std::find(request.kept.begin(), request.kept.end(), name) == request.kept.end())
            request.kept.push_back(name);
    }
    if (maxLevels && request.maxFeatureLevels == TableEncodingOptions{}.maxFeatureLevels)
        request.maxFeatureLevels = *maxLevels;
    if (!request.missing)
        request.missing = missing;
    if (!request.classWeighting)
        request.classWeighting = classWeighting;
    if (!request.resampling)
        request.resampling = resampling;
}

} // namespace loupe
