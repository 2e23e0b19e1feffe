#pragma once
// Turning a loss-versus-learning-rate curve into suggested rates.
//
// The suggestions (each reported; `recommended` is one of them, see docs/schedules.md for why):
// minimum: the rate at the lowest loss divided by s_safetyFactor = 10 (fastai's `minimum`).
// steep:   the rate where the loss falls fastest per unit of ln(lr): the left end of the segment
//          with the most negative (loss[i+1] - loss[i]) / (ln lr[i+1] - ln lr[i]).
// valley:  fastai's "longest valley" (ESRI): the longest strictly decreasing subsequence of the
//          losses (O(n^2)); with L its length and e its last index, the pick is
//          (e - L) + int(L/3) + int(L/6), i.e. about half-way into the valley. As in fastai, the
//          valley's end and start are fixed when a longer valley is first seen while scanning.
//          An index below 0 (a valley spanning the whole curve with L = 2) is taken as 0.
//
// onePass() uses the points [iterations/10, size - 5) as fastai's lr_find does, cut at the first
// non-finite loss (all points before it when that window keeps fewer than 2).
//   recommended = the lower of minimum and steep (method "minimum" or "steep"). Judged by training
//   the spec's budget (bench/lr/outcome.py, docs/schedules.md): the valley lands low (a curve
//   starting at 1e-7 spends most of its batches learning nothing, so its longest decreasing run
//   starts far below the useful rates); minimum is right where the loss minimum marks the edge of
//   stability (Fashion-MNIST) but ten times too high where the loss keeps falling up to huge rates
//   because the batches mostly teach the majority class (1 % fraud), and there steep is the better
//   of the two.
// rangeTest() uses the points before the first diverged one. Each point is a whole training at
//   its rate for the spec's budget (RangeTest.h), so the lowest loss is the best rate measured:
//   recommended = the rate at the lowest loss of the curve smoothed by a centred 3-point moving
//   average (fewer than 3 points: unsmoothed; method "lowest-loss"; the smoothing keeps one lucky
//   run next to the divergence edge from winning), `steep` also on the smoothed curve.
// Both recommend nothing when the loss never fell: the (smoothed) lowest loss is the first point or
// not s_minimumFall below it (a flat curve, one that rises from the start, a single point).

#include "core/lr/LrFindResult.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace loupe {

class LrSuggester {
public:
    static constexpr double s_safetyFactor = 10.0;
    static constexpr double s_minimumFall = 0.01; // the lowest loss must be 1 % below the first

    // Each returns an index into the given vectors, nullopt when there are too few values
    // (valley and minimum need 1, steep needs 2 with increasing rates).
    static std::optional<std::size_t> valleyIndex(const std::vector<double> &losses);
    static std::optional<std::size_t> steepIndex(const std::vector<double> &rates, const std::vector<double> &losses);
    static std::optional<std::size_t> minimumIndex(const std::vector<double> &losses);

    // Centred moving average over 2 * radius + 1 values, shrunk at the ends.
    static std::vector<double> movingAverage(const std::vector<double> &values, int radius);

    // The loss at `lowest` is at least s_minimumFall below the first one (and lowest > 0).
    static bool lossFell(const std::vector<double> &losses, std::size_t lowest);

    static LrSuggestions onePass(const std::vector<LrPoint> &points, std::int64_t iterations);
    static LrSuggestions rangeTest(const std::vector<LrPoint> &points);
};

} // namespace loupe
