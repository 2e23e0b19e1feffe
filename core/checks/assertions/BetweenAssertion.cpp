#include "core/checks/assertions/BetweenAssertion.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/ComparableColumn.h"
#include "core/data/Table.h"

#include <limits>
#include <optional>

namespace loupe {

namespace {

struct BetweenSetup {
    const Column *column = nullptr;
    std::optional<ComparisonBound> min;
    std::optional<ComparisonBound> max;
    bool strictMin = true;
    bool strictMax = true;
};

Result<BetweenSetup> readBetweenSetup(const Table &table, const AssertionParams &params)
{
    BetweenSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (Status s = requireComparableColumn(*setup.column, "column"); !s.isOk())
        return s;
    if (!params.has("min") && !params.has("max"))
        return Status::invalidInput("parameter 'min' or 'max' is required");
    for (const char *key : {"min", "max"}) {
        if (!params.has(key))
            continue;
        Result<ComparisonBound> bound = readBound(params, key, *setup.column);
        if (!bound.isOk())
            return bound.status();
        (key[1] == 'i' ? setup.min : setup.max) = bound.value();
    }
    Result<bool> strict = params.flag("strict", true);
    if (!strict.isOk())
        return strict.status();
    Result<bool> strictMin = params.flag("strict_min", strict.value());
    Result<bool> strictMax = params.flag("strict_max", strict.value());
    if (!strictMin.isOk())
        return strictMin.status();
    if (!strictMax.isOk())
        return strictMax.status();
    setup.strictMin = strictMin.value();
    setup.strictMax = strictMax.value();
    if (setup.min && setup.max && compareBounds(*setup.min, *setup.max) > 0)
        return Status::invalidInput("parameter 'min' (" + setup.min->value.display() + ") is greater than 'max' ("
                                    + setup.max->value.display() + ")");
    return setup;
}

std::string describe(const BetweenSetup &setup)
{
    std::string text = "are not";
    if (setup.min && setup.max) {
        const bool both = setup.strictMin && setup.strictMax;
        const bool neither = !setup.strictMin && !setup.strictMax;
        text += both ? " strictly" : "";
        text += " between " + setup.min->value.display() + " and " + setup.max->value.display();
        if (!both && !neither)
            text += setup.strictMin ? " (min excluded)" : " (max excluded)";
        else if (neither)
            text += " (inclusive)";
        return text;
    }
    if (setup.min)
        return text + (setup.strictMin ? " strictly greater than " : " greater than or equal to ")
               + setup.min->value.display();
    return text + (setup.strictMax ? " strictly less than " : " less than or equal to ") + setup.max->value.display();
}

} // namespace

std::vector<std::string_view> BetweenAssertion::parameters() const
{
    return {"column", "min", "max", "strict", "strict_min", "strict_max"};
}

Status BetweenAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readBetweenSetup(table, params).status();
}

AssertionOutcome BetweenAssertion::evaluate(const Table &table, const AssertionParams &params,
                                            const CancellationToken *cancel) const
{
    Result<BetweenSetup> read = readBetweenSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const BetweenSetup &setup = read.value();
    const Column &column = *setup.column;
    RowScanResult scan;
    if (column.type() == ColumnType::Float64) {
        // The same test as below, on plain doubles: a missing bound is an infinite non-strict one, and NaN
        // fails every comparison.
        const double low = setup.min ? setup.min->number : -std::numeric_limits<double>::infinity();
        const double high = setup.max ? setup.max->number : std::numeric_limits<double>::infinity();
        const bool strictLow = setup.min && setup.strictMin;
        const bool strictHigh = setup.max && setup.strictMax;
        const double *values = column.doubles().data();
        scan = scanValidRowsBranchless(
            column,
            [&](std::size_t row) {
                const double v = values[row];
                const bool aboveLow = strictLow ? v > low : v >= low;
                const bool belowHigh = strictHigh ? v < high : v <= high;
                return !(aboveLow && belowHigh);
            },
            cancel);
    } else {
        scan = scanValidRows(
            column,
            [&](std::size_t row) {
                if (setup.min) {
                    const int c = compareToBound(column, row, *setup.min);
                    if (c < 0 || (c == 0 && setup.strictMin))
                        return true;
                }
                if (setup.max) {
                    const int c = compareToBound(column, row, *setup.max);
                    if (c > 0 || (c == 0 && setup.strictMax))
                        return true;
                }
                return false;
            },
            cancel);
    }
    AssertionOutcome outcome = AssertionOutcome::fromRows(column, std::move(scan.failingRows), scan.checked, describe(setup));
    if (setup.min)
        outcome.lowerBound = setup.min->numeric();
    if (setup.max)
        outcome.upperBound = setup.max->numeric();
    return outcome;
}

} // namespace loupe
