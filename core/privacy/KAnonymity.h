#pragma once
// k-anonymity audit: rows are grouped by their values in the chosen quasi-identifier columns (missing is
// a value of its own); the table is k-anonymous for the smallest group size k. Rows in groups smaller than
// the requested k are the ones an attacker who knows those columns could single out.

#include "core/data/Table.h"
#include "core/util/Status.h"

#include <string>
#include <vector>

namespace loupe {

struct KAnonymityGroup {
    std::vector<std::string> values; // as the Data page shows them; "(missing)" for a missing cell
    std::size_t size = 0;
    std::size_t firstRow = 0;
};

struct KAnonymityReport {
    std::vector<std::string> columns;
    std::size_t requestedK = 0;
    std::size_t k = 0;               // smallest group size (0 for an empty table)
    std::size_t groupCount = 0;
    std::size_t groupsBelowK = 0;    // groups with fewer than requestedK rows
    std::size_t rowsBelowK = 0;      // rows in those groups
    std::size_t uniqueRows = 0;      // rows alone in their group
    std::vector<KAnonymityGroup> smallestGroups; // up to `examples`, smallest first, then by first row
};

class KAnonymity {
public:
    // requires: requestedK >= 1.
    // ensures: InvalidInput naming the column when one does not exist, or when `columns` is empty.
    static Result<KAnonymityReport> audit(const Table &table, const std::vector<std::string> &columns,
                                          std::size_t requestedK, std::size_t examples = 10);
};

} // namespace loupe
