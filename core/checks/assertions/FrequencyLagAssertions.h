#pragma once
// Spacing and staleness of datetimes (marbles assertDateTimesFrequencyEqual / LagEqual / LagLess / LagLessEqual).
//   "frequency_equal"  column, frequency (duration literal "1d", "15m" or "{local}"): every gap between a value
//                      and the previous non-missing value equals frequency; fails with each row whose gap differs.
//   "lag_equal" / "lag_less" / "lag_less_equal"  column, lag (duration): now - max(column) is ==, < or <= lag,
//                      where now is the run's clock (CheckEnvironment::nowNanos). Table-level (a staleness check).

#include "core/checks/Assertion.h"

namespace loupe {

class FrequencyEqualAssertion : public Assertion {
public:
    std::string_view name() const override { return "frequency_equal"; }
    std::string_view summary() const override { return "consecutive datetimes are exactly frequency apart"; }
    std::vector<std::string_view> parameters() const override { return {"column", "frequency"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

class LagAssertion : public Assertion {
public:
    enum class Comparison { Equal, Less, LessEqual };

    explicit LagAssertion(Comparison comparison) : m_comparison(comparison) {}

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override { return {"column", "lag"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    Comparison m_comparison;
};

} // namespace loupe
