#include "core/checks/assertions/StatisticAssertion.h"

#include "core/checks/assertions/ComparableColumn.h"
#include "core/checks/assertions/RowGroups.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>
#include <type_traits>

namespace loupe {

namespace {

using Statistic = StatisticAssertion::Statistic;

struct StatisticSetup {
    const Column *column = nullptr;
    std::optional<ComparisonBound> min;
    std::optional<ComparisonBound> max;
    bool strictMin = false;
    bool strictMax = false;
    double quantile = 0.5;
};

bool isNumberColumn(ColumnType t) { return t == ColumnType::Int64 || t == ColumnType::Float64 || t == ColumnType::Bool; }

Status checkColumnType(Statistic statistic, const Column &column)
{
    switch (statistic) {
    case Statistic::Mean:
    case Statistic::Std:
        if (isNumberColumn(column.type()))
            return Status::ok();
        return Status::invalidInput("parameter 'column': column '" + column.name() + "' is "
                                    + std::string(columnTypeName(column.type())) + "; this statistic needs a number column");
    case Statistic::Min:
    case Statistic::Max:
    case Statistic::Quantile:
        return requireComparableColumn(column, "column");
    case Statistic::DistinctCount:
        break;
    }
    return Status::ok();
}

Result<StatisticSetup> readStatisticSetup(Statistic statistic, const Table &table, const AssertionParams &params)
{
    StatisticSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (Status s = checkColumnType(statistic, *setup.column); !s.isOk())
        return s;
    if (!params.has("min") && !params.has("max"))
        return Status::invalidInput("parameter 'min' or 'max' is required");
    // Mean/std/distinct count are numbers even for a datetime column; min/max/quantile keep the column's kind.
    const bool columnUnits = statistic == Statistic::Min || statistic == Statistic::Max || statistic == Statistic::Quantile;
    const Column numberShape(setup.column->name(), ColumnType::Float64);
    for (const char *key : {"min", "max"}) {
        if (!params.has(key))
            continue;
        Result<ComparisonBound> bound = readBound(params, key, columnUnits ? *setup.column : numberShape);
        if (!bound.isOk())
            return bound.status();
        (key[1] == 'i' ? setup.min : setup.max) = bound.value();
    }
    if (setup.min && setup.max && compareBounds(*setup.min, *setup.max) > 0)
        return Status::invalidInput("parameter 'min' (" + setup.min->value.display() + ") is greater than 'max' ("
                                    + setup.max->value.display() + ")");
    Result<bool> strictMin = params.flag("strict_min", false);
    Result<bool> strictMax = params.flag("strict_max", false);
    if (!strictMin.isOk())
        return strictMin.status();
    if (!strictMax.isOk())
        return strictMax.status();
    setup.strictMin = strictMin.value();
    setup.strictMax = strictMax.value();
    if (statistic == Statistic::Quantile) {
        Result<double> q = params.number("quantile");
        if (!q.isOk())
            return q.status();
        if (!(q.value() >= 0.0 && q.value() <= 1.0))
            return Status::invalidInput("parameter 'quantile': must lie in [0, 1], got " + std::to_string(q.value()));
        setup.quantile = q.value();
    }
    return setup;
}

// Valid, non-NaN values of a number/datetime column: doubles for Float64, int64 otherwise (exact).
template <typename T>
std::vector<T> usableValues(const Column &column)
{
    std::vector<T> values;
    values.reserve(column.size() - column.missingCount());
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!valid[row])
            continue;
        if constexpr (std::is_same_v<T, double>) {
            const double v = column.doubleAt(row);
            if (!std::isnan(v))
                values.push_back(v);
        } else {
            values.push_back(column.intAt(row));
        }
    }
    return values;
}

// An unsigned key that orders like the value: doubles (never NaN here) by sign-magnitude flip, integers by
// flipping the sign bit.
inline std::uint64_t orderKey(double value)
{
    const auto bits = std::bit_cast<std::uint64_t>(value);
    return (bits >> 63) ? ~bits : bits | (std::uint64_t(1) << 63);
}
inline std::uint64_t orderKey(std::int64_t value)
{
    return static_cast<std::uint64_t>(value) ^ (std::uint64_t(1) << 63);
}

// The q-quantile of the usable values with linear interpolation between the order statistics at
// floor(q * (count - 1)) and the next one (numpy/pandas "linear"), without copying the column: a histogram
// of the top 16 key bits finds the bucket(s) holding those two order statistics, and only their values are
// selected exactly. nullopt when there are no usable values.
template <typename T>
std::optional<long double> quantileByBuckets(const Column &column, double q)
{
    constexpr int kShift = 48;
    const std::size_t n = column.size();
    const std::uint8_t *valid = column.validity().data();
    const auto valueAt = [&](std::size_t row) {
        if constexpr (std::is_same_v<T, double>)
            return column.doubles()[row];
        else
            return column.ints()[row];
    };
    const auto usable = [&](std::size_t row) {
        if constexpr (std::is_same_v<T, double>)
            return valid[row] && !std::isnan(column.doubles()[row]);
        else
            return valid[row] != 0;
    };
    // Four interleaved histograms, so that runs of equal buckets do not chain their increments.
    constexpr std::size_t kBuckets = std::size_t(1) << (64 - kShift);
    std::vector<std::uint32_t> partial(4 * kBuckets, 0);
    std::size_t count = 0;
    for (std::size_t row = 0; row < n; ++row) {
        if (usable(row)) {
            ++partial[(row & 3) * kBuckets + (orderKey(valueAt(row)) >> kShift)];
            ++count;
        }
    }
    std::vector<std::uint32_t> histogram(kBuckets);
    for (std::size_t b = 0; b < kBuckets; ++b)
        histogram[b] = partial[b] + partial[kBuckets + b] + partial[2 * kBuckets + b] + partial[3 * kBuckets + b];
    if (count == 0)
        return std::nullopt;
    const long double position = q * static_cast<long double>(count - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    const std::size_t upper = std::min(lower + 1, count - 1);
    // Buckets first..last hold ranks lower and upper; `below` values lie in earlier buckets.
    std::size_t first = 0;
    std::size_t below = 0;
    while (below + histogram[first] <= lower)
        below += histogram[first++];
    std::size_t last = first;
    for (std::size_t seen = below + histogram[first]; seen <= upper; seen += histogram[++last]) {
    }
    std::vector<T> candidates;
    candidates.reserve(below + histogram[first] > upper ? histogram[first] : upper - below + 1);
    for (std::size_t row = 0; row < n; ++row) {
        if (!usable(row))
            continue;
        const std::size_t bucket = orderKey(valueAt(row)) >> kShift;
        if (bucket >= first && bucket <= last)
            candidates.push_back(valueAt(row));
    }
    const std::size_t local = lower - below;
    std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(local), candidates.end());
    const long double low = static_cast<long double>(candidates[local]);
    if (lower + 1 >= count)
        return low;
    const long double high = static_cast<long double>(
        *std::min_element(candidates.begin() + static_cast<std::ptrdiff_t>(local) + 1, candidates.end()));
    return low + (high - low) * (position - static_cast<long double>(lower));
}

template <typename T>
std::optional<long double> measureValues(Statistic statistic, const StatisticSetup &setup)
{
    if (statistic == Statistic::Quantile)
        return quantileByBuckets<T>(*setup.column, setup.quantile);
    std::vector<T> values = usableValues<T>(*setup.column);
    if (values.empty() || (statistic == Statistic::Std && values.size() < 2))
        return std::nullopt;
    switch (statistic) {
    case Statistic::Min: return static_cast<long double>(*std::min_element(values.begin(), values.end()));
    case Statistic::Max: return static_cast<long double>(*std::max_element(values.begin(), values.end()));
    default: break;
    }
    long double sum = 0;
    for (const T v : values)
        sum += static_cast<long double>(v);
    const long double mean = sum / static_cast<long double>(values.size());
    if (statistic == Statistic::Mean)
        return mean;
    long double squares = 0;
    for (const T v : values)
        squares += (static_cast<long double>(v) - mean) * (static_cast<long double>(v) - mean);
    return std::sqrt(squares / static_cast<long double>(values.size() - 1));
}

std::optional<long double> measure(Statistic statistic, const StatisticSetup &setup, const CancellationToken *cancel)
{
    const Column &column = *setup.column;
    if (statistic == Statistic::DistinctCount)
        return static_cast<long double>(summarizeDuplicates({&column}, cancel).distinctCount);
    if (column.type() == ColumnType::Float64)
        return measureValues<double>(statistic, setup);
    return measureValues<std::int64_t>(statistic, setup);
}

std::string formatMeasured(long double value, bool isDateTime)
{
    if (isDateTime)
        return formatDateTime(static_cast<std::int64_t>(std::llround(value)));
    return CheckValue::number(static_cast<double>(value)).display();
}

} // namespace

std::string_view StatisticAssertion::name() const
{
    switch (m_statistic) {
    case Statistic::Mean: return "mean_between";
    case Statistic::Std: return "std_between";
    case Statistic::Min: return "min_between";
    case Statistic::Max: return "max_between";
    case Statistic::Quantile: return "quantile_between";
    case Statistic::DistinctCount: break;
    }
    return "distinct_count_between";
}

std::string_view StatisticAssertion::summary() const
{
    switch (m_statistic) {
    case Statistic::Mean: return "the mean lies between min and max";
    case Statistic::Std: return "the standard deviation lies between min and max";
    case Statistic::Min: return "the smallest value lies between min and max";
    case Statistic::Max: return "the largest value lies between min and max";
    case Statistic::Quantile: return "the quantile lies between min and max";
    case Statistic::DistinctCount: break;
    }
    return "the number of distinct values lies between min and max";
}

std::vector<std::string_view> StatisticAssertion::parameters() const
{
    if (m_statistic == Statistic::Quantile)
        return {"column", "quantile", "min", "max", "strict_min", "strict_max"};
    return {"column", "min", "max", "strict_min", "strict_max"};
}

Status StatisticAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readStatisticSetup(m_statistic, table, params).status();
}

AssertionOutcome StatisticAssertion::evaluate(const Table &table, const AssertionParams &params,
                                              const CancellationToken *cancel) const
{
    Result<StatisticSetup> read = readStatisticSetup(m_statistic, table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const StatisticSetup &setup = read.value();
    const std::string &columnName = setup.column->name();
    std::string label(name().substr(0, name().size() - std::string_view("_between").size()));
    if (m_statistic == Statistic::Quantile)
        label = "quantile(" + CheckValue::number(setup.quantile).display() + ")";
    const std::optional<long double> value = measure(m_statistic, setup, cancel);
    if (!value)
        return AssertionOutcome::tableFailure("column " + columnName + " has too few values for " + label, "",
                                              {columnName});
    const bool dateTimeUnits = setup.column->type() == ColumnType::DateTime && m_statistic != Statistic::DistinctCount
                               && m_statistic != Statistic::Mean && m_statistic != Statistic::Std;
    const std::string measured = formatMeasured(*value, dateTimeUnits);
    const std::string observed = label + " = " + measured;
    const auto boundValue = [](const ComparisonBound &b) { return b.isDateTime ? static_cast<long double>(b.nanos) : static_cast<long double>(b.number); };
    std::string problem;
    if (setup.min && (*value < boundValue(*setup.min) || (setup.strictMin && *value == boundValue(*setup.min))))
        problem = std::string(setup.strictMin ? "not above" : "below") + " min " + setup.min->value.display();
    else if (setup.max && (*value > boundValue(*setup.max) || (setup.strictMax && *value == boundValue(*setup.max))))
        problem = std::string(setup.strictMax ? "not below" : "above") + " max " + setup.max->value.display();
    AssertionOutcome outcome = problem.empty()
        ? AssertionOutcome::tablePass(observed, {columnName})
        : AssertionOutcome::tableFailure("the " + label + " of " + columnName + " (" + measured + ") is " + problem,
                                         observed, {columnName});
    if (setup.min)
        outcome.lowerBound = setup.min->numeric();
    if (setup.max)
        outcome.upperBound = setup.max->numeric();
    return outcome;
}

} // namespace loupe
