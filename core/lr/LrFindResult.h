#pragma once
// What a learning-rate finder (RangeTest, OnePassFinder) reports: one point per rate tried, the
// suggested rates, and how the run ended. Plain copyable values (safe to send across threads).

#include "core/util/Status.h"

#include <optional>
#include <string>
#include <vector>

namespace loupe {

enum class LrFindMode { Range, OnePass };

struct LrPoint {
    double learningRate = 0.0;
    // RangeTest: the mean training loss of the run at this rate (NaN when it diverged).
    // OnePassFinder: the smoothed (debiased EMA) loss after this batch.
    double loss = 0.0;
    double rawLoss = 0.0; // the batch loss (OnePassFinder) or the same mean loss (RangeTest)
    bool diverged = false; // the loss became non-finite, or (one pass) exceeded 4x the best
};

struct LrSuggestions {
    std::optional<double> recommended; // what to train with (LrSuggester); none when the loss never fell
    std::string method;                // how `recommended` was chosen: "minimum" or "steep" (one pass: the
                                       // lower of the two below), "lowest-loss" (range test)
    std::optional<double> minimum;     // rate at the lowest loss, divided by the safety factor
    std::optional<double> lossMinimumRate; // the rate at the lowest loss itself
    std::optional<double> steep;       // rate of the most negative d(loss)/d(ln lr)
    std::optional<double> valley;      // fastai's valley (one pass only)
};

struct LrFindResult {
    LrFindMode mode = LrFindMode::Range;
    std::vector<LrPoint> points;
    LrSuggestions suggestions;
    double seconds = 0.0;
    // Ok when the search ran to its end (divergence is an expected end, not an error);
    // Cancelled when the token or the progress sink stopped it (points hold what was measured).
    Status status;
};

std::string lrFindModeName(LrFindMode mode); // "range", "onepass"

} // namespace loupe
