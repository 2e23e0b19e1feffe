#pragma once
// The workspace's stored snapshot ensembles ('snapshot' runs, from the Learning-rate page or
// loupe-cli snapshot), read back for re-opening: the report from the run's summary JSON
// (snapshotReportFromJson), cycles, epochs, data and spec name from its config
// (snapshotConfigFromJson).
//
// Threading: runs SQL on the Store it is given; the Learning-rate page calls it through a
// WorkspaceReader, on a worker thread.

#include "jobs/StoredRunSummary.h"

#include "core/lr/SnapshotReport.h"
#include "core/util/Status.h"

#include <optional>
#include <vector>

namespace loupe {

class Store;

struct StoredSnapshotRun : StoredRunSummary {
    int cycles = 0;
    int epochs = 0;
    std::optional<SnapshotReport> report; // none when the run has no usable summary (failed, running)
};

class StoredSnapshotRuns {
public:
    // requires: store outlives this reader and belongs to the calling thread.
    explicit StoredSnapshotRuns(Store &store) : m_store(store) {}

    // Newest first, at most `limit`.
    Result<std::vector<StoredSnapshotRun>> list(int limit = 100);

private:
    Store &m_store;
};

} // namespace loupe
