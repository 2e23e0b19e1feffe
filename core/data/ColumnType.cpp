#include "core/data/ColumnType.h"

#include <array>
#include <utility>

namespace loupe {

namespace {
constexpr std::array<std::pair<ColumnType, std::string_view>, 6> kNames{{
    {ColumnType::Int64, "int64"},
    {ColumnType::Float64, "float64"},
    {ColumnType::Bool, "bool"},
    {ColumnType::DateTime, "datetime"},
    {ColumnType::String, "string"},
    {ColumnType::Categorical, "categorical"},
}};
} // namespace

std::string_view columnTypeName(ColumnType type)
{
    for (const auto &[t, name] : kNames)
        if (t == type)
            return name;
    return "unknown";
}

std::optional<ColumnType> columnTypeFromName(std::string_view name)
{
    for (const auto &[t, n] : kNames)
        if (n == name)
            return t;
    return std::nullopt;
}

} // namespace loupe
