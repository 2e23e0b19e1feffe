#pragma once
// Computes the rows a RowQuery shows: the table rows that pass the filter, in the sort's order (RowQuery.h
// gives the rules). The result is a list of table-row indices: view row i shows table row rows[i].
//
// Work is split into chunks of rows: the filter tests chunks in parallel; the sort sorts chunks in
// parallel (stable), then merges neighbouring runs, so the cancellation token and the progress sink are
// consulted between chunks and merges (a few milliseconds apart on a million rows), never mid-chunk.
// The result does not depend on the number of threads.
// The progress sink is only called from the calling thread.

#include "core/data/RowQuery.h"
#include "core/data/Table.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <cstddef>
#include <vector>

namespace loupe {

struct RowOrderingOptions {
    const CancellationToken *cancellation = nullptr;
    ProgressSink progress;
    int threads = 0;               // 0: OpenMP's default
    std::size_t chunkRows = 65536; // rows per parallel task; requires >= 1
};

class RowOrdering {
public:
    // ensures: InvalidInput when the query names a column the table lacks or a filter operand does not
    // read (RowPredicate); Cancelled when the token was set or the sink answered Stop.
    static Result<std::vector<std::size_t>> compute(const Table &table, const RowQuery &query,
                                                    const RowOrderingOptions &options = {});
};

} // namespace loupe
