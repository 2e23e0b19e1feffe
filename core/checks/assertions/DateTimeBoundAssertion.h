#pragma once
// Datetime bounds from marbles' DateTimeMixins (its "after" is AfterAssertion). Missing values are skipped.
//   "before"  column, target (datetime literal or "{local}"), strict (default true): every value < target
//             (<= with strict false)
//   "past"    column, strict: every value before the run's clock (CheckEnvironment::nowNanos, fixed per run)
//   "future"  column, strict: every value after the run's clock
// Unlike marbles (naive local time), "now" is one UTC instant for the whole run, the same one today() uses.

#include "core/checks/Assertion.h"

namespace loupe {

class DateTimeBoundAssertion : public Assertion {
public:
    enum class Kind { Before, Past, Future };

    explicit DateTimeBoundAssertion(Kind kind) : m_kind(kind) {}

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    Kind m_kind;
};

} // namespace loupe
