#pragma once
// Records a finished CSV load in a workspace: upserts the dataset (path, content hash, size, shape,
// schema) and adds a completed 'load' run with its seconds. Opens its own Store connection, so it is
// meant for the job's thread; the connection closes when the recorder is destroyed.

#include "jobs/LoadedTable.h"

#include "core/util/CancellationToken.h"
#include "core/util/Status.h"

#include <QString>

namespace loupe {

class WorkspaceRecorder {
public:
    // workspace: a Store location (see db/store/ConnectionSpec.h).
    explicit WorkspaceRecorder(QString workspace);

    // Hashes the file (FileFingerprint), then upserts the dataset and adds the completed run in one
    // transaction. `cancel`, if set while hashing, stops with Status::cancelled().
    // requires: loaded.table != nullptr
    // ensures: on success returns the dataset id; on failure a message naming the workspace and the step.
    Result<qint64> recordLoad(const LoadedTable &loaded, const CancellationToken *cancel = nullptr) const;

    // {"columns":[{"name":"amount","type":"float64"},...]}
    static QString schemaJson(const Table &table);

private:
    QString m_workspace;
};

} // namespace loupe
