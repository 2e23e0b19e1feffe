#include "core/checks/assertions/ComparableColumn.h"

namespace loupe {

Status requireComparableColumn(const Column &column, std::string_view columnKey)
{
    switch (column.type()) {
    case ColumnType::Int64:
    case ColumnType::Float64:
    case ColumnType::Bool:
    case ColumnType::DateTime:
        return Status::ok();
    case ColumnType::String:
    case ColumnType::Categorical:
        break;
    }
    return Status::invalidInput("parameter '" + std::string(columnKey) + "': column '" + column.name() + "' is "
                                + std::string(columnTypeName(column.type())) + "; this assertion needs a number or datetime column");
}

Result<ComparisonBound> readBound(const AssertionParams &params, std::string_view key, const Column &column)
{
    ComparisonBound bound;
    bound.isDateTime = column.type() == ColumnType::DateTime;
    Result<CheckValue> value = params.valueAs(key, bound.isDateTime ? CheckValueKind::DateTime : CheckValueKind::Number);
    if (!value.isOk())
        return Status::invalidInput(value.message() + " to compare with column '" + column.name() + "' ("
                                    + std::string(columnTypeName(column.type())) + ")");
    bound.value = value.value();
    if (bound.isDateTime)
        bound.nanos = bound.value.asDateTime();
    else
        bound.number = bound.value.asNumber();
    if (!bound.isDateTime && bound.number != bound.number)
        return Status::invalidInput("parameter '" + std::string(key) + "': NaN is not a bound");
    return bound;
}

} // namespace loupe
