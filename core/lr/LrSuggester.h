#pragma once
// Turning a loss-versus-learning-rate curve into suggested rates.
//
// minimum: the rate at the lowest loss divided by s_safetyFactor = 10. The chapter advises a rate
//          "somewhat lower than the optimum" to avoid overshooting; fastai's `minimum` uses the
//          same /10, which also keeps the two finders' suggestions comparable.
// steep:   the rate where the loss falls fastest per unit of ln(lr): the left end of the segment
//          with the most negative (loss[i+1] - loss[i]) / (ln lr[i+1] - ln lr[i]).
// valley:  fastai's "longest valley" (ESRI): the longest strictly decreasing subsequence of the
//          losses (O(n^2)); with L its length and e its last index, the pick is
//          (e - L) + int(L/3) + int(L/6), i.e. about half-way into the valley. As in fastai, the
//          valley's end and start are fixed when a longer valley is first seen while scanning.
//          An index below 0 (a valley spanning the whole curve with L = 2) is taken as 0.
//
// onePass() applies them as fastai's lr_find does: to the points [iterations/10, size - 5), cut
// at the first non-finite loss; recommended = valley. When that window keeps fewer than 2
// points (a run that stopped very early), all points before the first non-finite loss are used.
// rangeTest() uses the points before the first diverged one, smooths the curve for `steep` with
// a centred 3-point moving average (20 separate runs are noisy), recommended = minimum.

#include "core/lr/LrFindResult.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace loupe {

class LrSuggester {
public:
    static constexpr double s_safetyFactor = 10.0;

    // Each returns an index into the given vectors, nullopt when there are too few values
    // (valley and minimum need 1, steep needs 2 with increasing rates).
    static std::optional<std::size_t> valleyIndex(const std::vector<double> &losses);
    static std::optional<std::size_t> steepIndex(const std::vector<double> &rates, const std::vector<double> &losses);
    static std::optional<std::size_t> minimumIndex(const std::vector<double> &losses);

    // Centred moving average over 2 * radius + 1 values, shrunk at the ends.
    static std::vector<double> movingAverage(const std::vector<double> &values, int radius);

    static LrSuggestions onePass(const std::vector<LrPoint> &points, std::int64_t iterations);
    static LrSuggestions rangeTest(const std::vector<LrPoint> &points);
};

} // namespace loupe
