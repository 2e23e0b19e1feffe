// ExpressionFunctions::callAggregate: the column aggregates of the expression language.
// Missing cells and NaN are skipped (as pandas does); a datetime column keeps its kind.

#include "core/checks/ExpressionFunctions.h"

#include "core/data/Column.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <unordered_set>

namespace loupe {

namespace {

Status fail(std::string message)
{
    return Status::invalidInput(std::move(message));
}

bool isIntBacked(ColumnType type)
{
    return type == ColumnType::Int64 || type == ColumnType::Bool || type == ColumnType::DateTime;
}

bool isPresent(const Column &column, std::size_t row)
{
    return column.isValid(row) && !(column.type() == ColumnType::Float64 && std::isnan(column.doubleAt(row)));
}

std::vector<double> numbersOf(const Column &column)
{
    std::vector<double> values;
    values.reserve(column.size() - column.missingCount());
    for (std::size_t row = 0; row < column.size(); ++row)
        if (isPresent(column, row))
            values.push_back(column.type() == ColumnType::Float64 ? column.doubleAt(row)
                                                                  : static_cast<double>(column.intAt(row)));
    return values;
}

std::vector<std::int64_t> presentInts(const Column &column)
{
    std::vector<std::int64_t> values;
    values.reserve(column.size() - column.missingCount());
    for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row))
            values.push_back(column.intAt(row));
    return values;
}

std::string_view textAt(const Column &column, std::size_t row)
{
    return column.type() == ColumnType::Categorical ? column.categoryAt(row) : column.stringAt(row);
}

std::size_t countPresent(const Column &column)
{
    if (column.type() != ColumnType::Float64)
        return column.size() - column.missingCount();
    std::size_t count = 0;
    for (std::size_t row = 0; row < column.size(); ++row)
        count += isPresent(column, row) ? 1 : 0;
    return count;
}

std::size_t countDistinct(const Column &column)
{
    if (column.type() == ColumnType::Float64) {
        std::unordered_set<double> seen;
        for (double v : numbersOf(column))
            seen.insert(v == 0.0 ? 0.0 : v);
        return seen.size();
    }
    if (isIntBacked(column.type())) {
        const std::vector<std::int64_t> values = presentInts(column);
        return std::unordered_set<std::int64_t>(values.begin(), values.end()).size();
    }
    std::unordered_set<std::string_view> seen;
    for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row))
            seen.insert(textAt(column, row));
    return seen.size();
}

// Linear interpolation between the closest ranks (pandas' default). requires: sorted is sorted, not empty.
double quantileOf(const std::vector<double> &sorted, double q)
{
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const std::size_t high = std::min(low + 1, sorted.size() - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (position - static_cast<double>(low));
}

std::int64_t quantileOf(const std::vector<std::int64_t> &sorted, double q)
{
    const double position = q * static_cast<double>(sorted.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(position));
    const std::size_t high = std::min(low + 1, sorted.size() - 1);
    const double gap = static_cast<double>(sorted[high] - sorted[low]);
    return sorted[low] + std::llround(gap * (position - static_cast<double>(low)));
}

Result<CheckValue> numericAggregate(std::string_view name, const Column &column, double q)
{
    std::vector<double> values = numbersOf(column);
    if (name == "sum") {
        long double total = 0.0L;
        for (double v : values)
            total += v;
        return CheckValue::number(static_cast<double>(total));
    }
    if (values.empty())
        return Result<CheckValue>(fail(std::string(name) + "(" + column.name() + "): column '" + column.name()
                                       + "' has no non-null values"));
    if (name == "min" || name == "max")
        return CheckValue::number(name == "min" ? *std::min_element(values.begin(), values.end())
                                                : *std::max_element(values.begin(), values.end()));
    long double total = 0.0L;
    for (double v : values)
        total += v;
    const double mean = static_cast<double>(total / static_cast<long double>(values.size()));
    if (name == "mean")
        return CheckValue::number(mean);
    if (name == "std") {
        if (values.size() < 2)
            return Result<CheckValue>(fail("std(" + column.name() + "): needs at least 2 non-null values, column '"
                                           + column.name() + "' has 1"));
        long double squares = 0.0L;
        for (double v : values)
            squares += (v - mean) * (v - mean);
        return CheckValue::number(std::sqrt(static_cast<double>(squares / (values.size() - 1))));
    }
    std::sort(values.begin(), values.end());
    return CheckValue::number(quantileOf(values, q));
}

Result<CheckValue> dateTimeAggregate(std::string_view name, const Column &column, double q)
{
    std::vector<std::int64_t> values = presentInts(column);
    if (name == "sum")
        return Result<CheckValue>(fail("sum(" + column.name() + "): datetimes cannot be added; column '"
                                       + column.name() + "' is datetime"));
    if (values.empty())
        return Result<CheckValue>(fail(std::string(name) + "(" + column.name() + "): column '" + column.name()
                                       + "' has no non-null values"));
    if (name == "min" || name == "max")
        return CheckValue::dateTime(name == "min" ? *std::min_element(values.begin(), values.end())
                                                  : *std::max_element(values.begin(), values.end()));
    // Offsets from the first value keep nanosecond precision where a double of the raw instant would not.
    const std::int64_t origin = values.front();
    __int128 total = 0;
    for (std::int64_t v : values)
        total += static_cast<__int128>(v) - origin;
    const auto meanOffset = static_cast<std::int64_t>(total / static_cast<__int128>(values.size()));
    if (name == "mean")
        return CheckValue::dateTime(origin + meanOffset);
    if (name == "std") {
        if (values.size() < 2)
            return Result<CheckValue>(fail("std(" + column.name() + "): needs at least 2 non-null values"));
        long double squares = 0.0L;
        for (std::int64_t v : values) {
            const long double d = static_cast<long double>(v - origin - meanOffset);
            squares += d * d;
        }
        return CheckValue::duration(std::llround(std::sqrt(static_cast<double>(squares / (values.size() - 1)))));
    }
    std::sort(values.begin(), values.end());
    return CheckValue::dateTime(quantileOf(values, q));
}

Result<CheckValue> textAggregate(std::string_view name, const Column &column)
{
    if (name != "min" && name != "max")
        return Result<CheckValue>(fail(std::string(name) + "(" + column.name() + ") needs a numeric or datetime "
                                       "column; '" + column.name() + "' is "
                                       + std::string(columnTypeName(column.type()))));
    bool found = false;
    std::string_view best;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.isValid(row))
            continue;
        const std::string_view text = textAt(column, row);
        if (!found || (name == "min" ? text < best : text > best))
            best = text;
        found = true;
    }
    if (!found)
        return Result<CheckValue>(fail(std::string(name) + "(" + column.name() + "): column '" + column.name()
                                       + "' has no non-null values"));
    return CheckValue::string(std::string(best));
}

} // namespace

Result<CheckValue> ExpressionFunctions::callAggregate(const ExpressionFunction &function, const Column *column,
                                                      std::size_t rowCount, const std::vector<CheckValue> &extra)
{
    const std::string_view name = function.name;
    if (name == "count")
        return CheckValue::number(static_cast<double>(column ? countPresent(*column) : rowCount));
    if (name == "distinct")
        return CheckValue::number(static_cast<double>(countDistinct(*column)));
    double q = 0.5;
    if (name == "quantile") {
        const CheckValue &given = extra.front();
        if (!given.is(CheckValueKind::Number) || !(given.asNumber() >= 0.0 && given.asNumber() <= 1.0))
            return Result<CheckValue>(fail("quantile(" + column->name() + ", q): q must be a number from 0 to 1, got "
                                           + given.display()));
        q = extra.front().asNumber();
    }
    switch (column->type()) {
    case ColumnType::DateTime:
        return dateTimeAggregate(name, *column, q);
    case ColumnType::String:
    case ColumnType::Categorical:
        return textAggregate(name, *column);
    case ColumnType::Int64:
    case ColumnType::Float64:
    case ColumnType::Bool:
        break;
    }
    return numericAggregate(name, *column, q);
}

} // namespace loupe
