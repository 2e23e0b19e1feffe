#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace loupe {

// The typed column kinds of a Table. DateTime is stored as int64 nanoseconds since the Unix epoch (UTC).
enum class ColumnType { Int64, Float64, Bool, DateTime, String, Categorical };

// "int64", "float64", "bool", "datetime", "string", "categorical"
std::string_view columnTypeName(ColumnType type);
std::optional<ColumnType> columnTypeFromName(std::string_view name);

} // namespace loupe
