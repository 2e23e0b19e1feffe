#pragma once
// Turning the rows SearchJob sends (values and choice indices as JSON text) back into Trial
// records of a known SearchSpace, for the Search page's table and plots.
#include "jobs/SearchTypes.h"
#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

namespace loupe {

class SearchTrialRows {
public:
    // The trial a row describes. Parameters the row names but the space does not know (or values
    // that do not fit it) are left inactive rather than guessed.
    static Trial toTrial(const SearchSpace &space, const SearchTrialRow &row);
};

} // namespace loupe
