#include "core/search/TrialParams.h"

#include "core/search/SearchSpace.h"

#include <cmath>
#include <limits>

namespace loupe {

namespace {

constexpr double s_inactive = std::numeric_limits<double>::quiet_NaN();

} // namespace

TrialParams::TrialParams(int count) : m_values(static_cast<std::size_t>(count), s_inactive) {}

bool TrialParams::isActive(int index) const
{
    return index >= 0 && index < size() && !std::isnan(m_values[static_cast<std::size_t>(index)]);
}

void TrialParams::clear(int index)
{
    m_values[static_cast<std::size_t>(index)] = s_inactive;
}

nlohmann::json TrialParams::toJson(const SearchSpace &space) const
{
    nlohmann::json out = nlohmann::json::object();
    for (int i = 0; i < space.size() && i < size(); ++i) {
        if (!isActive(i))
            continue;
        const double value = raw(i);
        if (space.parameter(i).distribution.isIntegral() && std::abs(value) < 9.0e15)
            out[space.parameter(i).name] = static_cast<std::int64_t>(std::llround(value));
        else
            out[space.parameter(i).name] = value;
    }
    return out;
}

Result<TrialParams> TrialParams::fromJson(const SearchSpace &space, const nlohmann::json &json)
{
    if (!json.is_object())
        return Status::invalidInput("trial parameters: expected an object {name: value}, got " + json.dump());
    TrialParams params(space.size());
    for (auto it = json.begin(); it != json.end(); ++it) {
        const int index = space.indexOf(it.key());
        if (index < 0)
            return Status::invalidInput("trial parameters: unknown parameter \"" + it.key() + "\"");
        if (!it.value().is_number())
            return Status::invalidInput("trial parameters: \"" + it.key() + "\" expected a number, got "
                                        + it.value().dump());
        const double value = it.value().get<double>();
        const Distribution &distribution = space.parameter(index).distribution;
        if (!distribution.contains(value))
            return Status::invalidInput("trial parameters: \"" + it.key() + "\" = " + it.value().dump()
                                        + " is not a value of " + distribution.describe());
        params.set(index, value);
    }
    for (int i = 0; i < space.size(); ++i) {
        const bool active = space.isActive(i, params);
        if (active && !params.isActive(i))
            return Status::invalidInput("trial parameters: \"" + space.parameter(i).name + "\" is missing");
        if (!active && params.isActive(i))
            return Status::invalidInput("trial parameters: \"" + space.parameter(i).name
                                        + "\" is set but inactive under the chosen options");
    }
    return params;
}

nlohmann::json TrialParams::valuesJson(const SearchSpace &space) const
{
    nlohmann::json out = nlohmann::json::object();
    for (int i = 0; i < space.size() && i < size(); ++i) {
        if (isActive(i))
            out[space.parameter(i).name] = space.valueJson(i, *this);
    }
    return out;
}

nlohmann::json TrialParams::indicesJson(const SearchSpace &space) const
{
    nlohmann::json out = nlohmann::json::object();
    for (int i = 0; i < space.size() && i < size(); ++i) {
        if (isActive(i) && space.parameter(i).distribution.isCategorical())
            out[space.parameter(i).name] = index(i);
    }
    return out;
}

bool TrialParams::operator==(const TrialParams &other) const
{
    if (m_values.size() != other.m_values.size())
        return false;
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        const bool aNan = std::isnan(m_values[i]);
        if (aNan != std::isnan(other.m_values[i]) || (!aNan && m_values[i] != other.m_values[i]))
            return false;
    }
    return true;
}

} // namespace loupe
