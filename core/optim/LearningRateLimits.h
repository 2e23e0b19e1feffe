#pragma once
// The one range of learning rates Loupe accepts anywhere: a model spec's learning_rate, every rate a
// schedule gives, the LR finders' start and end, loupe-cli's --learning-rate and the pages' fields.
// Above `maximum` no training does anything but diverge at once, and the optimizers hold their rate
// as a float32, so a positive rate below `smallestPositive` (a double denormal, 1e-320) silently
// becomes 0 and feeds NaN into log-spaced sweeps.

#include "core/util/NumberText.h"

#include <cmath>
#include <limits>
#include <string>

namespace loupe {

struct LearningRateLimits {
    static constexpr double maximum = 1e6;
    // The smallest normal float32, about 1.18e-38.
    static constexpr double smallestPositive = static_cast<double>(std::numeric_limits<float>::min());

    // A rate in [0, maximum] (0 allowed: a frozen optimizer).
    static bool isAllowed(double rate) { return std::isfinite(rate) && rate >= 0.0 && rate <= maximum; }
    // A rate in [smallestPositive, maximum]: one that trains, and whose logarithm is finite.
    static bool isAllowedPositive(double rate)
    {
        return std::isfinite(rate) && rate >= smallestPositive && rate <= maximum;
    }
    // "a learning rate in [0, 1e+06]" / "a learning rate in [1.17549e-38, 1e+06]", for messages.
    static std::string allowedText() { return "a learning rate in [0, " + numberText("%g", maximum) + "]"; }
    static std::string allowedPositiveText()
    {
        return "a learning rate in [" + numberText("%g", smallestPositive) + ", " + numberText("%g", maximum) + "]";
    }
};

} // namespace loupe
