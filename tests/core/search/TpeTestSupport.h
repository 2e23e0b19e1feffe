#pragma once
// Comparisons for the TPE golden tests (tests/core/search/golden/*.h, made by make_tpe_golden.py).

#include <QString>
#include <QtGlobal>

#include <algorithm>
#include <cmath>
#include <vector>

namespace loupe::test {

// Model values (split, means, bandwidths, weights, masses, probabilities): 1e-9 relative.
inline constexpr double kGoldenRelative = 1e-9;

inline bool closeRelative(double actual, double expected, double relative = kGoldenRelative)
{
    if (actual == expected)
        return true;
    return std::abs(actual - expected) <= relative * std::max(std::abs(actual), std::abs(expected));
}

// Log-densities of the Parzen mixtures are held to the same 1e-9 relative: Loupe sums the mixtures in
// double precision (KernelScorer), as hyperopt and Optuna do.
inline bool closeLogDensity(double actual, double expected)
{
    return closeRelative(actual, expected);
}

// The largest relative difference of any log-density compared so far (tests print it at the end).
inline double &worstLogDensityRelative()
{
    static double worst = 0.0;
    return worst;
}

inline void recordLogDensity(double actual, double expected)
{
    if (actual == expected || !std::isfinite(actual) || !std::isfinite(expected))
        return;
    const double relative = std::abs(actual - expected) / std::max(std::abs(actual), std::abs(expected));
    worstLogDensityRelative() = std::max(worstLogDensityRelative(), relative);
}

inline void printWorstLogDensity()
{
    qInfo("largest relative difference of a log-density from the golden values: %.3g", worstLogDensityRelative());
}

// "" when every element is close; otherwise the first difference, for QVERIFY2.
template <typename Close>
QString firstDifference(const std::vector<double> &actual, const std::vector<double> &expected, Close close)
{
    if (actual.size() != expected.size())
        return QStringLiteral("%1 values, expected %2").arg(actual.size()).arg(expected.size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        if (!close(actual[i], expected[i]))
            return QStringLiteral("[%1]: %2, expected %3 (difference %4)")
                .arg(i)
                .arg(actual[i], 0, 'g', 17)
                .arg(expected[i], 0, 'g', 17)
                .arg(actual[i] - expected[i], 0, 'g', 3);
    }
    return {};
}

inline QString relativeDifference(const std::vector<double> &actual, const std::vector<double> &expected)
{
    return firstDifference(actual, expected, [](double a, double e) { return closeRelative(a, e); });
}

inline QString logDensityDifference(const std::vector<double> &actual, const std::vector<double> &expected)
{
    for (std::size_t i = 0; i < std::min(actual.size(), expected.size()); ++i)
        recordLogDensity(actual[i], expected[i]);
    return firstDifference(actual, expected, [](double a, double e) { return closeLogDensity(a, e); });
}

} // namespace loupe::test
