#pragma once
// Named value sets for categorical assertions, as marbles' CategoricalMixins defines them:
// WEEKDAYS, WEEKDAYS_ABBR, MONTHS, MONTHS_ABBR, US_STATES, US_STATES_ABBR, US_TERRITORIES,
// US_TERRITORIES_ABBR and CONTINENTS (the 7-continent model). Values are case-sensitive, in marbles' order.

#include <span>
#include <string_view>
#include <vector>

namespace loupe {

class CategoricalConstants {
public:
    // The set called `name` (e.g. "US_STATES"); an empty span when there is no such set.
    static std::span<const std::string_view> find(std::string_view name);
    // Every set name, in the order listed above (for error hints).
    static std::vector<std::string_view> names();
};

} // namespace loupe
