#include "core/checks/assertions/DateTimeBoundAssertion.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/ComparableColumn.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

struct BoundSetup {
    const Column *column = nullptr;
    std::int64_t target = 0;
    std::string targetText;
    bool strict = true;
};

} // namespace

std::string_view DateTimeBoundAssertion::name() const
{
    switch (m_kind) {
    case Kind::Before: return "before";
    case Kind::Past: return "past";
    case Kind::Future: break;
    }
    return "future";
}

std::string_view DateTimeBoundAssertion::summary() const
{
    switch (m_kind) {
    case Kind::Before: return "datetimes are before target";
    case Kind::Past: return "datetimes are in the past";
    case Kind::Future: break;
    }
    return "datetimes are in the future";
}

std::vector<std::string_view> DateTimeBoundAssertion::parameters() const
{
    if (m_kind == Kind::Before)
        return {"column", "target", "strict"};
    return {"column", "strict"};
}

static Result<BoundSetup> readBoundSetup(DateTimeBoundAssertion::Kind kind, std::string_view name, const Table &table,
                                         const AssertionParams &params)
{
    BoundSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (setup.column->type() != ColumnType::DateTime)
        return Status::invalidInput("parameter 'column': column '" + setup.column->name() + "' is "
                                    + std::string(columnTypeName(setup.column->type())) + "; '" + std::string(name)
                                    + "' needs a datetime column");
    if (kind == DateTimeBoundAssertion::Kind::Before) {
        Result<ComparisonBound> target = readBound(params, "target", *setup.column);
        if (!target.isOk())
            return target.status();
        setup.target = target.value().nanos;
        setup.targetText = target.value().value.display();
    } else {
        setup.target = params.environment().nowNanos;
        setup.targetText = "now (" + formatDateTime(setup.target) + ")";
    }
    Result<bool> strict = params.flag("strict", true);
    if (!strict.isOk())
        return strict.status();
    setup.strict = strict.value();
    return setup;
}

Status DateTimeBoundAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readBoundSetup(m_kind, name(), table, params).status();
}

AssertionOutcome DateTimeBoundAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                  const CancellationToken *cancel) const
{
    Result<BoundSetup> read = readBoundSetup(m_kind, name(), table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const BoundSetup &setup = read.value();
    const std::int64_t target = setup.target;
    const std::int64_t *values = setup.column->ints().data();
    const bool after = m_kind == Kind::Future;
    const bool strict = setup.strict;
    RowScanResult scan = scanValidRows(
        *setup.column,
        [&](std::size_t row) {
            const std::int64_t v = values[row];
            if (after)
                return strict ? v <= target : v < target;
            return strict ? v >= target : v > target;
        },
        cancel);
    std::string what = "are not ";
    what += strict ? "strictly " : "";
    what += after ? "after " : "before ";
    what += setup.targetText;
    if (!strict)
        what += " (or equal)";
    AssertionOutcome outcome = AssertionOutcome::fromRows(*setup.column, std::move(scan.failingRows), scan.checked, what);
    (after ? outcome.lowerBound : outcome.upperBound) = static_cast<double>(target);
    return outcome;
}

} // namespace loupe
