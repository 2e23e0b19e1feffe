#pragma once
// printf-style text of one number, for messages and reports (std::format is not in g++ 12).

#include <cstdio>
#include <string>

namespace loupe {

// requires: format holds exactly one floating-point conversion (e.g. "%g", "%.4g", "%.1f%%").
inline std::string numberText(const char *format, double value)
{
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// A share in [0, 1] as "12.5%".
inline std::string percentText(double share)
{
    return numberText("%.1f%%", share * 100.0);
}

} // namespace loupe
