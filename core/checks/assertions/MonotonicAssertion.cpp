#include "core/checks/assertions/MonotonicAssertion.h"

#include "core/checks/assertions/ComparableColumn.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

// Rows (valid, after the first valid one) that break the order with their previous valid value.
// bad(previous, current) says whether the pair breaks it.
template <typename T, typename Bad>
std::vector<std::uint64_t> breakingRows(const T *values, const std::uint8_t *valid, std::size_t n, Bad bad,
                                        std::uint64_t &checked, const CancellationToken *cancel, bool &cancelled)
{
    constexpr std::size_t kPollRows = 1 << 16;
    std::vector<std::uint64_t> rows;
    bool havePrevious = false;
    T previous{};
    for (std::size_t start = 0; start < n; start += kPollRows) {
        if (cancel && cancel->isCancelled()) {
            cancelled = true;
            return rows;
        }
        const std::size_t end = std::min(n, start + kPollRows);
        for (std::size_t row = start; row < end; ++row) {
            if (!valid[row])
                continue;
            ++checked;
            if (havePrevious && bad(previous, values[row]))
                rows.push_back(row);
            previous = values[row];
            havePrevious = true;
        }
    }
    return rows;
}

template <typename T>
std::vector<std::uint64_t> findBreaks(const T *values, const Column &column, bool increasing, bool strict,
                                      std::uint64_t &checked, const CancellationToken *cancel, bool &cancelled)
{
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    // Written as "not (ordered)" so that NaN breaks the order either way.
    if (increasing && strict)
        return breakingRows(values, valid, n, [](T a, T b) { return !(a < b); }, checked, cancel, cancelled);
    if (increasing)
        return breakingRows(values, valid, n, [](T a, T b) { return !(a <= b); }, checked, cancel, cancelled);
    if (strict)
        return breakingRows(values, valid, n, [](T a, T b) { return !(a > b); }, checked, cancel, cancelled);
    return breakingRows(values, valid, n, [](T a, T b) { return !(a >= b); }, checked, cancel, cancelled);
}

} // namespace

MonotonicAssertion::MonotonicAssertion(Direction direction, Expectation expectation)
    : m_direction(direction), m_expectation(expectation)
{
}

std::string_view MonotonicAssertion::name() const
{
    const bool up = m_direction == Direction::Increasing;
    if (m_expectation == Expectation::Monotonic)
        return up ? "monotonic_increasing" : "monotonic_decreasing";
    return up ? "not_monotonic_increasing" : "not_monotonic_decreasing";
}

std::string_view MonotonicAssertion::summary() const
{
    const bool up = m_direction == Direction::Increasing;
    if (m_expectation == Expectation::Monotonic)
        return up ? "each value is greater than the one before" : "each value is less than the one before";
    return up ? "the column is not monotonically increasing" : "the column is not monotonically decreasing";
}

Status MonotonicAssertion::validate(const Table &table, const AssertionParams &params) const
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    if (Status s = requireComparableColumn(*column.value(), "column"); !s.isOk())
        return s;
    return params.flag("strict", true).status();
}

AssertionOutcome MonotonicAssertion::evaluate(const Table &table, const AssertionParams &params,
                                              const CancellationToken *cancel) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const Column &column = *params.column(table).value();
    const bool strict = params.flag("strict", true).value();
    const bool increasing = m_direction == Direction::Increasing;
    std::uint64_t checked = 0;
    bool cancelled = false;
    std::vector<std::uint64_t> rows = column.type() == ColumnType::Float64
        ? findBreaks(column.doubles().data(), column, increasing, strict, checked, cancel, cancelled)
        : findBreaks(column.ints().data(), column, increasing, strict, checked, cancel, cancelled);
    if (cancelled)
        return AssertionOutcome::pass(0);
    const std::string order = std::string(strict ? "strictly " : "") + (increasing ? "increasing" : "decreasing");
    if (m_expectation == Expectation::Monotonic)
        return AssertionOutcome::fromRows(column, std::move(rows), checked,
                                          "break the " + order + " order (each is compared with the value before it)");
    const std::string observed = std::to_string(rows.size()) + " order breaks";
    if (!rows.empty())
        return AssertionOutcome::tablePass(observed, {column.name()});
    return AssertionOutcome::tableFailure("all " + std::to_string(checked) + " values in " + column.name() + " are "
                                              + order,
                                          observed, {column.name()});
}

} // namespace loupe
