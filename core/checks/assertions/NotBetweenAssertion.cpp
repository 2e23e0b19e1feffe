#include "core/checks/assertions/NotBetweenAssertion.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/ComparableColumn.h"
#include "core/data/Table.h"

#include <cmath>

namespace loupe {

namespace {

struct NotBetweenSetup {
    const Column *column = nullptr;
    ComparisonBound min;
    ComparisonBound max;
    bool strict = true;
};

Result<NotBetweenSetup> readNotBetweenSetup(const Table &table, const AssertionParams &params)
{
    NotBetweenSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (Status s = requireComparableColumn(*setup.column, "column"); !s.isOk())
        return s;
    Result<ComparisonBound> min = readBound(params, "min", *setup.column);
    if (!min.isOk())
        return min.status();
    Result<ComparisonBound> max = readBound(params, "max", *setup.column);
    if (!max.isOk())
        return max.status();
    setup.min = min.value();
    setup.max = max.value();
    Result<bool> strict = params.flag("strict", true);
    if (!strict.isOk())
        return strict.status();
    setup.strict = strict.value();
    const int order = compareBounds(setup.min, setup.max);
    if (order > 0)
        return Status::invalidInput("parameter 'min' (" + setup.min.value.display() + ") is greater than 'max' ("
                                    + setup.max.value.display() + ")");
    if (order == 0 && !setup.strict)
        return Status::invalidInput("parameter 'strict': false with min == max leaves an empty interval");
    return setup;
}

} // namespace

Status NotBetweenAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readNotBetweenSetup(table, params).status();
}

AssertionOutcome NotBetweenAssertion::evaluate(const Table &table, const AssertionParams &params,
                                               const CancellationToken *cancel) const
{
    Result<NotBetweenSetup> read = readNotBetweenSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const NotBetweenSetup &setup = read.value();
    const Column &column = *setup.column;
    RowScanResult scan = scanValidRows(
        column,
        [&](std::size_t row) {
            if (column.type() == ColumnType::Float64 && std::isnan(column.doubleAt(row)))
                return false; // NaN lies between nothing
            const int low = compareToBound(column, row, setup.min);
            const int high = compareToBound(column, row, setup.max);
            if (setup.strict)
                return low >= 0 && high <= 0;
            return low > 0 && high < 0;
        },
        cancel);
    const std::string what = std::string(setup.strict ? "lie between " : "lie strictly between ")
                             + setup.min.value.display() + " and " + setup.max.value.display()
                             + (setup.strict ? " (inclusive)" : "");
    AssertionOutcome outcome = AssertionOutcome::fromRows(column, std::move(scan.failingRows), scan.checked, what);
    outcome.lowerBound = setup.min.numeric();
    outcome.upperBound = setup.max.numeric();
    return outcome;
}

} // namespace loupe
