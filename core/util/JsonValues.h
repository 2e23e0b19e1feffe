#pragma once
// Single JSON values as every report and stored run reads and writes them:
//  - jsonNumber: a measured number, or null when it is NaN or infinite (a diverged loss, a metric
//    that was not measured); JSON has no NaN.
//  - jsonText, jsonReal, jsonFlag: a string, number or boolean member, or empty / the fallback when the
//    key is missing or holds something else (for lenient readers of stored configs and summaries;
//    nlohmann's value(key, default) throws on a member of another type).

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace loupe {

inline nlohmann::ordered_json jsonNumber(double value)
{
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

inline std::string jsonText(const nlohmann::json &object, const char *key)
{
    if (!object.is_object())
        return std::string();
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

inline double jsonReal(const nlohmann::json &object, const char *key, double fallback)
{
    if (!object.is_object())
        return fallback;
    const auto found = object.find(key);
    return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

inline bool jsonFlag(const nlohmann::json &object, const char *key, bool fallback)
{
    if (!object.is_object())
        return fallback;
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() ? found->get<bool>() : fallback;
}

} // namespace loupe
