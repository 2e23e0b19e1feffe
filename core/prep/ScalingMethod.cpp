#include "core/prep/ScalingMethod.h"

#include <array>
#include <utility>

namespace loupe {

namespace {

constexpr std::array<std::pair<ScalingMethod, std::string_view>, 6> s_scalingNames = {{
    {ScalingMethod::Standardize, "standard"},
    {ScalingMethod::MinMax, "minmax"},
    {ScalingMethod::MeanNormalize, "mean"},
    {ScalingMethod::UnitL1, "l1"},
    {ScalingMethod::UnitL2, "l2"},
    {ScalingMethod::None, "none"},
}};

} // namespace

std::string scalingMethodName(ScalingMethod method)
{
    for (const auto &[value, name] : s_scalingNames) {
        if (value == method)
            return std::string(name);
    }
    return "none";
}

std::optional<ScalingMethod> scalingMethodFromName(std::string_view name)
{
    for (const auto &[value, text] : s_scalingNames) {
        if (text == name)
            return value;
    }
    return std::nullopt;
}

std::string scalingMethodNames()
{
    std::string text;
    for (const auto &[value, name] : s_scalingNames)
        text += (text.empty() ? "" : ", ") + std::string(name);
    return text;
}

bool isRowScaling(ScalingMethod method)
{
    return method == ScalingMethod::UnitL1 || method == ScalingMethod::UnitL2;
}

} // namespace loupe
