#pragma once
// One trial's assignment: a raw value per parameter of a SearchSpace (by parameter index), or
// "inactive" for conditional parameters whose choice went the other way (hyperopt's vals = []).
// Raw values are the choice INDEX for choice/pchoice (hyperas' `best`), the number otherwise.
// The JSON forms need the space because the values are stored by index, not by name.

#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace loupe {

class SearchSpace;

class TrialParams {
public:
    TrialParams() = default;
    // All `count` parameters inactive.
    explicit TrialParams(int count);

    int size() const { return static_cast<int>(m_values.size()); }
    bool isActive(int index) const;
    // requires: isActive(index).
    double raw(int index) const { return m_values[index]; }
    // For categorical parameters: the option index. requires: isActive(index).
    int index(int index) const { return static_cast<int>(m_values[index]); }
    void set(int index, double raw) { m_values[index] = raw; }
    void clear(int index);

    // Storage form (hyperopt's vals): {"name": raw} for the active parameters, choice indices as
    // integers. fromJson validates every value against the space (unknown names, out-of-range or
    // off-grid values, values for inactive parameters, missing active ones) naming the parameter.
    nlohmann::json toJson(const SearchSpace &space) const;
    static Result<TrialParams> fromJson(const SearchSpace &space, const nlohmann::json &json);

    // Display forms: {"name": value} with choices resolved to their option values, and
    // {"name": index} for the active choices only (hyperas' best-run indices).
    nlohmann::json valuesJson(const SearchSpace &space) const;
    nlohmann::json indicesJson(const SearchSpace &space) const;

    bool operator==(const TrialParams &other) const;

private:
    std::vector<double> m_values; // NaN = inactive
};

} // namespace loupe
