#pragma once
// Column statistics within bounds (GX expect_column_mean/stdev/min/max/quantile_values/unique_value_count
// _to_be_between). Table-level: the measured value is reported as `observed`.
//   "mean_between", "std_between"     number column (std: sample standard deviation, ddof 1, as pandas)
//   "min_between", "max_between"      number or datetime column (datetime bounds as literals or locals)
//   "quantile_between"                number or datetime column, quantile q in [0, 1] (linear interpolation
//                                     between order statistics, as pandas' default)
//   "distinct_count_between"          any column: the number of distinct non-missing values
// Bounds: min and/or max, inclusive unless strict_min / strict_max is true (GX's defaults).
// Missing values (and NaN for mean/std/quantile) are left out; a column with no values fails.

#include "core/checks/Assertion.h"

namespace loupe {

class StatisticAssertion : public Assertion {
public:
    enum class Statistic { Mean, Std, Min, Max, Quantile, DistinctCount };

    explicit StatisticAssertion(Statistic statistic) : m_statistic(statistic) {}

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
    // Quantiles and distinct counts make two passes (histogram then selection; hashing then grouping).
    double relativeCost(const AssertionParams &) const override
    {
        return m_statistic == Statistic::Quantile || m_statistic == Statistic::DistinctCount ? 2.0 : 1.0;
    }

private:
    Statistic m_statistic;
};

} // namespace loupe
