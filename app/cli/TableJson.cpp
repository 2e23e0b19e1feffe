#include "app/cli/TableJson.h"

#include "core/data/DateTime.h"

#include <algorithm>
#include <cmath>

namespace loupe::cli {

namespace {

// Datetime statistics are nanoseconds; people read them as dates (std as a duration in days).
void addNumericStats(nlohmann::ordered_json &json, const ColumnStats &stats)
{
    if (stats.type == ColumnType::DateTime) {
        json["min"] = isoDateTime(static_cast<std::int64_t>(stats.min));
        json["max"] = isoDateTime(static_cast<std::int64_t>(stats.max));
        json["mean"] = isoDateTimeToSecond(stats.mean);
        json["std_days"] = stats.std / static_cast<double>(kNanosPerDay);
        return;
    }
    json["min"] = stats.min;
    json["max"] = stats.max;
    json["mean"] = stats.mean;
    json["std"] = stats.std;
}

} // namespace

std::string isoDateTime(std::int64_t nanosSinceEpoch)
{
    std::string text = formatDateTime(nanosSinceEpoch);
    std::replace(text.begin(), text.end(), ' ', 'T');
    return text;
}

std::string isoDateTimeToSecond(double nanosSinceEpoch)
{
    const double seconds = std::round(nanosSinceEpoch / static_cast<double>(kNanosPerSecond));
    return isoDateTime(static_cast<std::int64_t>(seconds) * kNanosPerSecond);
}

nlohmann::ordered_json cellJson(const Column &column, std::size_t row)
{
    if (!column.isValid(row))
        return nullptr;
    switch (column.type()) {
    case ColumnType::Int64:
        return column.intAt(row);
    case ColumnType::Float64:
        return column.doubleAt(row); // NaN and infinities are written as null by the dumper
    case ColumnType::Bool:
        return column.intAt(row) != 0;
    case ColumnType::DateTime:
        return isoDateTime(column.intAt(row));
    case ColumnType::Categorical:
        return std::string(column.categoryAt(row));
    case ColumnType::String:
        return std::string(column.stringAt(row));
    }
    return nullptr;
}

nlohmann::ordered_json columnStatsJson(const ColumnStats &stats, std::size_t topValues)
{
    nlohmann::ordered_json json;
    json["name"] = stats.name;
    json["type"] = std::string(columnTypeName(stats.type));
    json["rows"] = stats.rows;
    json["missing"] = stats.missing;
    json["distinct"] = stats.distinct;
    if (stats.hasNumeric && stats.type != ColumnType::Bool && stats.type != ColumnType::Categorical) {
        addNumericStats(json, stats);
        return json;
    }
    nlohmann::ordered_json top = nlohmann::ordered_json::array();
    const std::size_t count = std::min(topValues, stats.topValues.size());
    for (std::size_t i = 0; i < count; ++i)
        top.push_back({{"value", stats.topValues[i].label}, {"count", stats.topValues[i].count}});
    json["top_values"] = std::move(top);
    return json;
}

} // namespace loupe::cli
