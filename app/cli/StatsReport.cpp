#include "app/cli/StatsReport.h"

#include "app/cli/TableJson.h"
#include "app/cli/TextTable.h"
#include "core/data/DateTime.h"

#include <cmath>
#include <algorithm>
#include <cstdio>
#include <sstream>

namespace loupe::cli {

namespace {

std::string statText(double value)
{
    if (!std::isfinite(value))
        return "-";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

// min, max, mean, std as text; datetimes as dates with std in days.
std::vector<std::string> numericCells(const ColumnStats &stats)
{
    if (stats.type == ColumnType::DateTime)
        return {isoDateTime(static_cast<std::int64_t>(stats.min)), isoDateTime(static_cast<std::int64_t>(stats.max)),
                isoDateTimeToSecond(stats.mean),
                statText(stats.std / static_cast<double>(kNanosPerDay)) + " d"};
    return {statText(stats.min), statText(stats.max), statText(stats.mean), statText(stats.std)};
}

std::string topValuesText(const ColumnStats &stats, std::size_t count)
{
    std::string text;
    for (std::size_t i = 0; i < std::min(count, stats.topValues.size()); ++i) {
        if (i > 0)
            text += ", ";
        text += stats.topValues[i].label + " (" + std::to_string(stats.topValues[i].count) + ")";
    }
    return text;
}

bool showsNumbers(const ColumnStats &stats)
{
    return stats.hasNumeric && stats.type != ColumnType::Bool && stats.type != ColumnType::Categorical;
}

} // namespace

nlohmann::ordered_json StatsReport::toJson(const StatsReportInput &input)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const ColumnStats &stats : input.columns)
        columns.push_back(columnStatsJson(stats));
    nlohmann::ordered_json json;
    json["data"] = input.dataPath.toStdString();
    json["rows"] = input.rows;
    json["load_seconds"] = input.loadSeconds;
    json["columns"] = std::move(columns);
    return json;
}

std::string StatsReport::toText(const StatsReportInput &input)
{
    std::string text = "Summary of " + input.dataPath.toStdString() + ": " + std::to_string(input.rows) + " rows, "
        + std::to_string(input.columns.size()) + " columns\n\n";
    TextTable numeric(28), other(60);
    numeric.addRow({"column", "type", "missing", "distinct", "min", "max", "mean", "std"});
    numeric.addSeparator();
    other.addRow({"column", "type", "missing", "distinct", "most frequent (count)"});
    other.addSeparator();
    for (const ColumnStats &stats : input.columns) {
        std::vector<std::string> cells{stats.name, std::string(columnTypeName(stats.type)),
                                       std::to_string(stats.missing), std::to_string(stats.distinct)};
        if (showsNumbers(stats)) {
            for (std::string &cell : numericCells(stats))
                cells.push_back(std::move(cell));
            numeric.addRow(std::move(cells));
        } else {
            cells.push_back(topValuesText(stats, 3));
            other.addRow(std::move(cells));
        }
    }
    std::ostringstream out;
    out << "Numeric and date columns\n";
    numeric.print(out, 2);
    out << "\nText, category and boolean columns\n";
    other.print(out, 2);
    return text + out.str();
}

} // namespace loupe::cli
