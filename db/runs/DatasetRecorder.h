#pragma once
// DatasetRecorder: records a data file in a workspace, the one way every front door does it.
//   1. fingerprints the file (FileFingerprint: absolute path, size, content hash; cancellable),
//   2. upserts its datasets row (the same path and content keep one id across loads),
//   3. for recordLoad, adds a completed 'load' run holding the load's one JSON form
//      (core/data/LoadRunJson.h: config = the options, summary = what the read gave).
// Steps 2 and 3 run in one transaction (a savepoint inside the caller's), after the hash, so the
// write lock is never held while the file is read. A cancelled or failed step stores nothing.
// Same thread as its Store (see Store.h).

#include "core/data/Table.h"
#include "core/util/CancellationToken.h"
#include "core/util/Status.h"
#include "db/runs/CsvLoad.h"
#include "db/runs/DatasetShape.h"

#include <QString>

#include <functional>

namespace loupe {

class FileFingerprint;
class Store;

struct RecordedLoad {
    qint64 datasetId = 0;
    qint64 runId = 0;
};

class DatasetRecorder {
public:
    // requires: `store` outlives the recorder.
    explicit DatasetRecorder(Store &store) : m_store(store) {}

    // The row and column counts and schema of `table`.
    static DatasetShape shapeOf(const Table &table);

    // Stores the file at `path` as a dataset of `shape`.
    // ensures: the dataset's id; Status::cancelled() (nothing stored) when `cancel` is set while hashing;
    // otherwise a failure names the step ("hashing the file", "storing the dataset", ...) and the file
    // or the workspace.
    Result<qint64> recordDataset(const QString &path, const DatasetShape &shape,
                                 const CancellationToken *cancel = nullptr);

    // Stores load.path as a dataset of `table`'s shape and a completed 'load' run of load.seconds.
    // ensures: the dataset's and the run's ids; failures as recordDataset.
    Result<RecordedLoad> recordLoad(const Table &table, const CsvLoad &load, const CancellationToken *cancel = nullptr);

private:
    // Hashes `path`, then in one transaction upserts its dataset and calls `alsoStore` (if set) with
    // the dataset's id and the file's fingerprint; its failure rolls the dataset back.
    using AlsoStore = std::function<Status(qint64 datasetId, const FileFingerprint &file)>;
    Result<qint64> record(const QString &path, const DatasetShape &shape, const CancellationToken *cancel,
                          const AlsoStore &alsoStore);

    Store &m_store;
};

} // namespace loupe
