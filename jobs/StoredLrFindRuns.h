#pragma once
// The workspace's stored learning-rate searches ('lr-find' runs, from the Learning-rate page or
// loupe-cli lr-find), read back for overlaying: the points and suggestions come from the run's
// summary JSON (lrFindSummaryJson), the data and spec name from its config.
//
// Threading: runs SQL on the Store it is given; the Learning-rate page calls it through a
// WorkspaceReader, on a worker thread.

#include "core/lr/LrFindResult.h"
#include "jobs/StoredRunSummary.h"

#include "core/util/Status.h"

#include <vector>

namespace loupe {

class Store;

struct StoredLrFindRun : StoredRunSummary {
    LrFindResult result; // no points when the run has no usable summary (failed, interrupted)
    bool isVerification = false; // an lr-verify run; list() leaves these out
};

class StoredLrFindRuns {
public:
    // requires: store outlives this reader and belongs to the calling thread.
    explicit StoredLrFindRuns(Store &store) : m_store(store) {}

    // Newest first, at most `limit`.
    Result<std::vector<StoredLrFindRun>> list(int limit = 100);

private:
    Store &m_store;
};

} // namespace loupe
