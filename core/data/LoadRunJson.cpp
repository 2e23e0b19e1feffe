#include "core/data/LoadRunJson.h"

namespace loupe {

std::string csvDelimiterName(char delimiter)
{
    return delimiter == '\t' ? std::string("tab") : std::string(1, delimiter);
}

nlohmann::ordered_json loadConfigJson(const CsvOptions &options, const std::string &absolutePath)
{
    nlohmann::ordered_json config;
    config["command"] = "load";
    config["path"] = absolutePath;
    config["delimiter"] = options.delimiter == 0 ? std::string("auto") : csvDelimiterName(options.delimiter);
    config["skip_bad_rows"] = options.badRows == BadRowPolicy::Skip;
    nlohmann::ordered_json types = nlohmann::ordered_json::object();
    for (const auto &[column, type] : options.typeOverrides)
        types[column] = std::string(columnTypeName(type));
    config["types"] = std::move(types);
    config["categorical_levels"] = options.categoricalMaxLevels;
    return config;
}

nlohmann::ordered_json loadSummaryJson(const Table &table, std::size_t skippedRows, char delimiter, double seconds)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const Column &column : table.columns())
        columns.push_back(columnShapeJson(column));
    nlohmann::ordered_json summary;
    summary["rows"] = table.rowCount();
    summary["columns"] = std::move(columns);
    summary["seconds"] = seconds;
    summary["skipped_rows"] = skippedRows;
    summary["delimiter"] = csvDelimiterName(delimiter);
    return summary;
}

nlohmann::ordered_json columnShapeJson(const Column &column)
{
    return {{"name", column.name()},
            {"type", std::string(columnTypeName(column.type()))},
            {"missing", column.missingCount()}};
}

nlohmann::ordered_json tableSchemaJson(const Table &table)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const Column &column : table.columns())
        columns.push_back({{"name", column.name()}, {"type", std::string(columnTypeName(column.type()))}});
    nlohmann::ordered_json schema;
    schema["columns"] = std::move(columns);
    return schema;
}

} // namespace loupe
