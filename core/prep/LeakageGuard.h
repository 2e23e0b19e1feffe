#pragma once
// The check that keeps test rows out of anything fitted (scaling statistics, imputation means).
// The chapter's text says to measure scaling factors "on the test set"; that is the leak itself
// (see docs/scaling.md, errata): statistics come from the training split only.

#include "core/util/Status.h"

#include <cstddef>
#include <string>
#include <vector>

namespace loupe {

class LeakageGuard {
public:
    // How many row numbers are named in a refusal.
    static constexpr std::size_t s_namedRows = 5;

    // ensures: ok when no row of fitRows is in testRows. Otherwise InvalidInput:
    //   "<what>: refusing to fit on 3 row(s) of the test split (row indices 4, 9, 17; 0-based) ..."
    // naming how many fitting rows belong to the test split and the first few of them (ascending).
    static Status checkFitRows(const std::vector<std::size_t> &fitRows, const std::vector<std::size_t> &testRows,
                               const std::string &what = "scaler");
};

} // namespace loupe
