#include "core/checks/assertions/AfterAssertion.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/ComparableColumn.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

struct AfterSetup {
    const Column *column = nullptr;
    ComparisonBound target;
    bool strict = true;
};

Result<AfterSetup> readAfterSetup(const Table &table, const AssertionParams &params)
{
    AfterSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (setup.column->type() != ColumnType::DateTime)
        return Status::invalidInput("parameter 'column': column '" + setup.column->name() + "' is "
                                    + std::string(columnTypeName(setup.column->type()))
                                    + "; 'after' needs a datetime column");
    Result<ComparisonBound> target = readBound(params, "target", *setup.column);
    if (!target.isOk())
        return target.status();
    setup.target = target.value();
    Result<bool> strict = params.flag("strict", true);
    if (!strict.isOk())
        return strict.status();
    setup.strict = strict.value();
    return setup;
}

} // namespace

std::vector<std::string_view> AfterAssertion::parameters() const { return {"column", "target", "strict"}; }

Status AfterAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readAfterSetup(table, params).status();
}

AssertionOutcome AfterAssertion::evaluate(const Table &table, const AssertionParams &params,
                                          const CancellationToken *cancel) const
{
    Result<AfterSetup> read = readAfterSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const AfterSetup &setup = read.value();
    const std::int64_t target = setup.target.nanos;
    const std::int64_t *values = setup.column->ints().data();
    const bool strict = setup.strict;
    RowScanResult scan = scanValidRowsBranchless(
        *setup.column, [&](std::size_t row) { return strict ? values[row] <= target : values[row] < target; }, cancel);
    const std::string what = std::string(setup.strict ? "are not strictly after " : "are not after or equal to ")
                             + setup.target.value.display();
    AssertionOutcome outcome = AssertionOutcome::fromRows(*setup.column, std::move(scan.failingRows), scan.checked, what);
    outcome.lowerBound = setup.target.numeric();
    return outcome;
}

} // namespace loupe
