#include "core/lr/LrSuggester.h"

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// Index of the first point whose loss is not finite (points.size() when there is none).
std::size_t firstNonFinite(const std::vector<LrPoint> &points, std::size_t begin, std::size_t end)
{
    for (std::size_t i = begin; i < end; ++i) {
        if (!std::isfinite(points[i].loss))
            return i;
    }
    return end;
}

void split(const std::vector<LrPoint> &points, std::size_t begin, std::size_t end, std::vector<double> &rates,
           std::vector<double> &losses)
{
    for (std::size_t i = begin; i < end; ++i) {
        rates.push_back(points[i].learningRate);
        losses.push_back(points[i].loss);
    }
}

} // namespace

std::optional<std::size_t> LrSuggester::valleyIndex(const std::vector<double> &losses)
{
    const std::size_t n = losses.size();
    if (n == 0)
        return std::nullopt;
    std::vector<std::ptrdiff_t> lengths(n, 1); // longest decreasing subsequence ending at i
    std::size_t end = 0;
    std::ptrdiff_t start = 0;
    for (std::size_t i = 1; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (losses[i] < losses[j] && lengths[i] < lengths[j] + 1)
                lengths[i] = lengths[j] + 1;
            if (lengths[end] < lengths[i]) {
                end = i;
                start = static_cast<std::ptrdiff_t>(end) - lengths[end];
            }
        }
    }
    const double sections = static_cast<double>(static_cast<std::ptrdiff_t>(end) - start) / 3.0;
    const std::ptrdiff_t index = start + static_cast<std::ptrdiff_t>(sections)
                                 + static_cast<std::ptrdiff_t>(sections / 2.0);
    return static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(index, 0, static_cast<std::ptrdiff_t>(n) - 1));
}

std::optional<std::size_t> LrSuggester::steepIndex(const std::vector<double> &rates, const std::vector<double> &losses)
{
    std::optional<std::size_t> best;
    double bestSlope = 0.0;
    for (std::size_t i = 0; i + 1 < losses.size() && i + 1 < rates.size(); ++i) {
        const double run = std::log(rates[i + 1]) - std::log(rates[i]);
        if (!(run > 0.0))
            continue;
        const double slope = (losses[i + 1] - losses[i]) / run;
        if (std::isfinite(slope) && (!best || slope < bestSlope)) {
            best = i;
            bestSlope = slope;
        }
    }
    return best;
}

std::optional<std::size_t> LrSuggester::minimumIndex(const std::vector<double> &losses)
{
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        if (std::isfinite(losses[i]) && (!best || losses[i] < losses[*best]))
            best = i;
    }
    return best;
}

std::vector<double> LrSuggester::movingAverage(const std::vector<double> &values, int radius)
{
    const auto n = static_cast<std::ptrdiff_t>(values.size());
    std::vector<double> averaged(values.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const std::ptrdiff_t low = std::max<std::ptrdiff_t>(0, i - radius);
        const std::ptrdiff_t high = std::min<std::ptrdiff_t>(n - 1, i + radius);
        double sum = 0.0;
        for (std::ptrdiff_t j = low; j <= high; ++j)
            sum += values[static_cast<std::size_t>(j)];
        averaged[static_cast<std::size_t>(i)] = sum / static_cast<double>(high - low + 1);
    }
    return averaged;
}

LrSuggestions LrSuggester::onePass(const std::vector<LrPoint> &points, std::int64_t iterations)
{
    const std::size_t size = points.size();
    std::size_t begin = static_cast<std::size_t>(std::max<std::int64_t>(0, iterations / 10));
    std::size_t end = size >= 5 ? size - 5 : 0;
    if (begin < end)
        end = firstNonFinite(points, begin, end);
    if (begin >= end || end - begin < 2) {
        begin = 0;
        end = firstNonFinite(points, 0, size);
    }
    std::vector<double> rates;
    std::vector<double> losses;
    if (begin < end)
        split(points, begin, end, rates, losses);

    LrSuggestions suggestions;
    suggestions.method = "minimum";
    const auto lowest = minimumIndex(losses);
    if (lowest) {
        suggestions.lossMinimumRate = rates[*lowest];
        suggestions.minimum = rates[*lowest] / s_safetyFactor;
    }
    if (const auto index = steepIndex(rates, losses))
        suggestions.steep = rates[*index];
    if (const auto index = valleyIndex(losses))
        suggestions.valley = rates[*index];
    if (lowest && lossFell(losses, *lowest)) {
        // The lower of minimum and steep (LrSuggester.h).
        const bool steeper = suggestions.steep && *suggestions.steep < *suggestions.minimum;
        suggestions.recommended = steeper ? suggestions.steep : suggestions.minimum;
        suggestions.method = steeper ? "steep" : "minimum";
    }
    return suggestions;
}

LrSuggestions LrSuggester::rangeTest(const std::vector<LrPoint> &points)
{
    std::size_t end = 0;
    while (end < points.size() && !points[end].diverged && std::isfinite(points[end].loss))
        ++end;
    std::vector<double> rates;
    std::vector<double> losses;
    split(points, 0, end, rates, losses);

    LrSuggestions suggestions;
    suggestions.method = "lowest-loss";
    if (const auto index = minimumIndex(losses)) {
        suggestions.lossMinimumRate = rates[*index];
        suggestions.minimum = rates[*index] / s_safetyFactor;
    }
    // Fewer than 3 points are too few to smooth (both ends would become their mean).
    const std::vector<double> smoothed = losses.size() >= 3 ? movingAverage(losses, 1) : losses;
    if (const auto index = steepIndex(rates, smoothed))
        suggestions.steep = rates[*index];
    if (const auto index = minimumIndex(smoothed); index && lossFell(smoothed, *index))
        suggestions.recommended = rates[*index];
    return suggestions;
}

bool LrSuggester::lossFell(const std::vector<double> &losses, std::size_t lowest)
{
    return lowest > 0 && lowest < losses.size() && losses[lowest] < losses.front() * (1.0 - s_minimumFall);
}

} // namespace loupe
