#pragma once
// The feature-scaling methods of the chapter's "Preparing data for training" (docs/scaling.md).
//
//   Standardize   (x - mean) / stddev            per column, population stddev of the fitting rows
//   MinMax        low + (x - min) / (max - min) * (high - low)   per column, [0, 1] unless a range is set
//   MeanNormalize (x - mean) / (max - min)       per column
//   UnitL1        x / sum(|x_j|)                 per row, over the chosen columns
//   UnitL2        x / sqrt(sum(x_j^2))           per row, over the chosen columns
//   None          values stay as they are
// Names in JSON and on the command line: "standard", "minmax", "mean", "l1", "l2", "none".

#include <optional>
#include <string>
#include <string_view>

namespace loupe {

enum class ScalingMethod { Standardize, None, MinMax, MeanNormalize, UnitL1, UnitL2 };

// "standard", "none", "minmax", "mean", "l1", "l2".
std::string scalingMethodName(ScalingMethod method);
// Accepts the names above; nullopt for anything else.
std::optional<ScalingMethod> scalingMethodFromName(std::string_view name);
// "standard, minmax, mean, l1, l2, none", for messages.
std::string scalingMethodNames();
// True for the per-row methods (UnitL1, UnitL2): they have no fitted per-column parameters.
bool isRowScaling(ScalingMethod method);

} // namespace loupe
