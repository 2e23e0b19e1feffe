#include "core/checks/CategoricalConstants.h"

#include <array>

namespace loupe {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                                    "Saturday", "Sunday"};
constexpr std::array<std::string_view, 7> kWeekdaysAbbr{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                                   "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 12> kMonthsAbbr{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

constexpr std::array<std::string_view, 50> kUsStates{
    "Alabama",       "Alaska",       "Arizona",        "Arkansas",     "California",     "Colorado",     "Connecticut",
    "Delaware",      "Florida",      "Georgia",        "Hawaii",       "Idaho",          "Illinois",     "Indiana",
    "Iowa",          "Kansas",       "Kentucky",       "Louisiana",    "Maine",          "Maryland",     "Massachusetts",
    "Michigan",      "Minnesota",    "Mississippi",    "Missouri",     "Montana",        "Nebraska",     "Nevada",
    "New Hampshire", "New Jersey",   "New Mexico",     "New York",     "North Carolina", "North Dakota", "Ohio",
    "Oklahoma",      "Oregon",       "Pennsylvania",   "Rhode Island", "South Carolina", "South Dakota", "Tennessee",
    "Texas",         "Utah",         "Vermont",        "Virginia",     "Washington",     "West Virginia", "Wisconsin",
    "Wyoming"};
constexpr std::array<std::string_view, 50> kUsStatesAbbr{
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
    "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
    "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"};

constexpr std::array<std::string_view, 9> kUsTerritories{
    "American Samoa",           "District of Columbia", "Federated States of Micronesia",
    "Guam",                     "Marshall Islands",     "Northern Mariana Islands",
    "Palau",                    "Puerto Rico",          "Virgin Islands"};
constexpr std::array<std::string_view, 9> kUsTerritoriesAbbr{"AS", "DC", "FM", "GU", "MH", "MP", "PW", "PR", "VI"};

constexpr std::array<std::string_view, 7> kContinents{"Africa", "Antarctica", "Asia", "Australia",
                                                      "Europe", "North America", "South America"};

struct NamedSet {
    std::string_view name;
    std::span<const std::string_view> values;
};

constexpr std::array<NamedSet, 9> kSets{{
    {"WEEKDAYS", kWeekdays},
    {"WEEKDAYS_ABBR", kWeekdaysAbbr},
    {"MONTHS", kMonths},
    {"MONTHS_ABBR", kMonthsAbbr},
    {"US_STATES", kUsStates},
    {"US_STATES_ABBR", kUsStatesAbbr},
    {"US_TERRITORIES", kUsTerritories},
    {"US_TERRITORIES_ABBR", kUsTerritoriesAbbr},
    {"CONTINENTS", kContinents},
}};

} // namespace

std::span<const std::string_view> CategoricalConstants::find(std::string_view name)
{
    for (const NamedSet &set : kSets) {
        if (set.name == name)
            return set.values;
    }
    return {};
}

std::vector<std::string_view> CategoricalConstants::names()
{
    std::vector<std::string_view> result;
    for (const NamedSet &set : kSets)
        result.push_back(set.name);
    return result;
}

} // namespace loupe
