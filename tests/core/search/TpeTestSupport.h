#pragma once
// Comparisons for the TPE golden tests (tests/core/search/golden/*.h, made by make_tpe_golden.py).

#include <QString>

#include <algorithm>
#include <cmath>
#include <vector>

namespace loupe::test {

// Model values (split, means, bandwidths, weights, masses, probabilities): 1e-9 relative.
inline constexpr double kGoldenRelative = 1e-9;
// Log-densities of the Parzen mixtures: Loupe sums the mixture with a single-precision exp and
// takes log(w / sigma) in single precision (ParzenEstimator.cpp, MultivariateParzen.cpp: twice the
// SIMD lanes), which leaves about 1e-7 absolute in the log; hyperopt and Optuna use double.
inline constexpr double kLogDensityAbsolute = 5e-7;

inline bool closeRelative(double actual, double expected, double relative = kGoldenRelative)
{
    if (actual == expected)
        return true;
    return std::abs(actual - expected) <= relative * std::max(std::abs(actual), std::abs(expected));
}

inline bool closeLogDensity(double actual, double expected)
{
    return closeRelative(actual, expected) || std::abs(actual - expected) <= kLogDensityAbsolute;
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
    return firstDifference(actual, expected, [](double a, double e) { return closeLogDensity(a, e); });
}

} // namespace loupe::test
