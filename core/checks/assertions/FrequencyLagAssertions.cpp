#include "core/checks/assertions/FrequencyLagAssertions.h"

#include "core/checks/CheckValue.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

Result<const Column *> dateTimeColumn(const Table &table, const AssertionParams &params, std::string_view assertion)
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    if (column.value()->type() != ColumnType::DateTime)
        return Status::invalidInput("parameter 'column': column '" + column.value()->name() + "' is "
                                    + std::string(columnTypeName(column.value()->type())) + "; '"
                                    + std::string(assertion) + "' needs a datetime column");
    return column;
}

Result<std::int64_t> positiveDuration(const AssertionParams &params, std::string_view key, bool allowZero)
{
    Result<std::int64_t> value = params.duration(key);
    if (!value.isOk())
        return value.status();
    if (value.value() < 0 || (!allowZero && value.value() == 0))
        return Status::invalidInput("parameter '" + std::string(key) + "': must be "
                                    + (allowZero ? "zero or positive" : "positive") + ", got "
                                    + CheckValue::duration(value.value()).display());
    return value;
}

} // namespace

Status FrequencyEqualAssertion::validate(const Table &table, const AssertionParams &params) const
{
    if (Status s = dateTimeColumn(table, params, name()).status(); !s.isOk())
        return s;
    return positiveDuration(params, "frequency", false).status();
}

AssertionOutcome FrequencyEqualAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                   const CancellationToken *cancel) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const Column &column = *dateTimeColumn(table, params, name()).value();
    const std::int64_t frequency = positiveDuration(params, "frequency", false).value();
    const std::int64_t *values = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    std::vector<std::uint64_t> rows;
    std::uint64_t checked = 0;
    bool havePrevious = false;
    std::int64_t previous = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if ((row & 0xFFFF) == 0 && cancel && cancel->isCancelled())
            return AssertionOutcome::pass(0);
        if (!valid[row])
            continue;
        ++checked;
        if (havePrevious && values[row] - previous != frequency)
            rows.push_back(row);
        previous = values[row];
        havePrevious = true;
    }
    return AssertionOutcome::fromRows(column, std::move(rows), checked,
                                      "are not " + CheckValue::duration(frequency).display()
                                          + " after the value before them");
}

std::string_view LagAssertion::name() const
{
    switch (m_comparison) {
    case Comparison::Equal: return "lag_equal";
    case Comparison::Less: return "lag_less";
    case Comparison::LessEqual: break;
    }
    return "lag_less_equal";
}

std::string_view LagAssertion::summary() const
{
    switch (m_comparison) {
    case Comparison::Equal: return "now minus the latest datetime equals lag";
    case Comparison::Less: return "now minus the latest datetime is less than lag";
    case Comparison::LessEqual: break;
    }
    return "now minus the latest datetime is at most lag";
}

Status LagAssertion::validate(const Table &table, const AssertionParams &params) const
{
    if (Status s = dateTimeColumn(table, params, name()).status(); !s.isOk())
        return s;
    return positiveDuration(params, "lag", true).status();
}

AssertionOutcome LagAssertion::evaluate(const Table &table, const AssertionParams &params,
                                        const CancellationToken *) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const Column &column = *dateTimeColumn(table, params, name()).value();
    const std::int64_t lag = positiveDuration(params, "lag", true).value();
    bool any = false;
    std::int64_t latest = 0;
    const std::int64_t *values = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (valid[row] && (!any || values[row] > latest)) {
            latest = values[row];
            any = true;
        }
    }
    if (!any)
        return AssertionOutcome::tableFailure("column " + column.name() + " has no values to measure a lag from", "",
                                              {column.name()});
    const std::int64_t now = params.environment().nowNanos;
    const std::int64_t actual = now - latest;
    const std::string observed = "lag = " + CheckValue::duration(actual).display() + " (latest "
                                 + formatDateTime(latest) + ", now " + formatDateTime(now) + ")";
    bool ok = false;
    const char *relation = "";
    switch (m_comparison) {
    case Comparison::Equal: ok = actual == lag; relation = "equal to"; break;
    case Comparison::Less: ok = actual < lag; relation = "less than"; break;
    case Comparison::LessEqual: ok = actual <= lag; relation = "at most"; break;
    }
    if (ok)
        return AssertionOutcome::tablePass(observed, {column.name()});
    return AssertionOutcome::tableFailure("the lag of " + column.name() + " (" + CheckValue::duration(actual).display()
                                              + ") is not " + relation + " " + CheckValue::duration(lag).display(),
                                          observed, {column.name()});
}

} // namespace loupe
