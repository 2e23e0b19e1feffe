#pragma once
// The workspace's stored snapshot ensembles ('snapshot' runs, from the Learning-rate page or
// loupe-cli snapshot), read back for re-opening: the report from the run's summary JSON
// (snapshotReportFromJson), cycles, epochs, data and spec name from its config
// (snapshotConfigFromJson). Threading: the UI thread; one Store connection, opened on first use.

#include "ui/common/LazyStore.h"
#include "core/lr/SnapshotReport.h"
#include "core/util/Status.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace loupe {

class Store;

struct StoredSnapshotRun {
    qint64 id = 0;
    QDateTime startedAt; // local time
    QString status;      // runStatusName
    QString dataSource;  // "fashion-mnist", a CSV name
    QString specName;
    int cycles = 0;
    int epochs = 0;
    std::optional<SnapshotReport> report; // none when the run has no usable summary (failed, running)
};

class StoredSnapshotRuns {
public:
    // workspace: a Store location; empty means there is nothing to read.
    explicit StoredSnapshotRuns(QString workspace);
    ~StoredSnapshotRuns();

    // Newest first, at most `limit`.
    Result<std::vector<StoredSnapshotRun>> list(int limit = 100);

private:
    LazyStore m_store;
};

} // namespace loupe
