#include "core/train/FeaturePlan.h"

#include <nlohmann/json.hpp>

namespace loupe {

std::size_t FeatureColumn::width() const
{
    if (role != FeatureRole::Feature)
        return 0;
    return encoding == FeatureKind::OneHot ? levels : 1;
}

const FeatureColumn *FeaturePlan::find(std::string_view name) const
{
    for (const FeatureColumn &column : columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

std::vector<std::string> FeaturePlan::excluded() const
{
    std::vector<std::string> names;
    for (const FeatureColumn &column : columns) {
        if (column.role == FeatureRole::Ignored)
            names.push_back(column.name);
    }
    return names;
}

std::size_t FeaturePlan::featureWidth() const
{
    std::size_t width = 0;
    for (const FeatureColumn &column : columns)
        width += column.width();
    return width;
}

std::size_t FeaturePlan::ignoredCount() const
{
    std::size_t count = 0;
    for (const FeatureColumn &column : columns)
        count += column.role == FeatureRole::Ignored ? 1 : 0;
    return count;
}

void FeaturePlan::applyTo(TableEncodingOptions &options) const
{
    options.target = target;
    options.excluded = excluded();
    options.maxFeatureLevels = maxFeatureLevels;
    options.missing = missing;
}

nlohmann::ordered_json FeaturePlan::toJson() const
{
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const FeatureColumn &column : columns) {
        items.push_back({{"name", column.name},
                         {"type", columnTypeName(column.type)},
                         {"role", featureRoleName(column.role)},
                         {"reason", column.reason == IgnoreReason::None
                                        ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json(ignoreReasonName(column.reason))},
                         {"detail", column.detail},
                         {"chosen", column.chosen},
                         {"encoding", featureKindName(column.encoding)},
                         {"distinct", column.distinct},
                         {"missing", column.missing}});
    }
    nlohmann::ordered_json classItems = nlohmann::ordered_json::array();
    for (const ClassCount &item : classes)
        classItems.push_back({{"label", item.label}, {"count", item.count}});
    return {{"target", target},
            {"selection", selection == ColumnSelection::Proposed ? "proposed" : "as_given"},
            {"max_levels", maxFeatureLevels},
            {"missing", missing == MissingValues::Impute ? "impute" : "reject"},
            {"missing_chosen", missingChosen},
            {"missing_note", missingNote},
            {"feature_width", featureWidth()},
            {"columns", std::move(items)},
            {"classes", std::move(classItems)},
            {"class_weight", classWeightingName(classWeighting)},
            {"resample", resamplingName(resampling)},
            {"suggested_class_weight", classWeightingName(suggestedWeighting)},
            {"balance_note", balanceNote}};
}

std::string_view featureRoleName(FeatureRole role)
{
    switch (role) {
    case FeatureRole::Feature:
        return "feature";
    case FeatureRole::Target:
        return "target";
    case FeatureRole::Ignored:
        return "ignored";
    }
    return "feature";
}

std::string_view ignoreReasonName(IgnoreReason reason)
{
    switch (reason) {
    case IgnoreReason::None:
        return "";
    case IgnoreReason::Chosen:
        return "chosen";
    case IgnoreReason::Identifier:
        return "identifier";
    case IgnoreReason::PersonalData:
        return "personal_data";
    case IgnoreReason::HighCardinality:
        return "high_cardinality";
    case IgnoreReason::Constant:
        return "constant";
    case IgnoreReason::Missing:
        return "missing";
    }
    return "";
}

std::string_view featureKindName(FeatureKind kind)
{
    switch (kind) {
    case FeatureKind::Number:
        return "number";
    case FeatureKind::Flag:
        return "flag";
    case FeatureKind::Seconds:
        return "seconds";
    case FeatureKind::OneHot:
        return "one_hot";
    }
    return "number";
}

} // namespace loupe
