#pragma once
// The workspace's stored learning-rate searches ('lr-find' runs, from the
// Learning-rate page or loupe-cli lr-find), read back for overlaying: the
// points and suggestions come from the run's summary JSON, the data and spec
// name from its config (both read by core/lr/LrFindRunJson, where they are written). Threading: the UI thread; one Store
// connection, opened on first use.

#include "ui/common/LazyStore.h"
#include "core/lr/LrFindResult.h"
#include "core/util/Status.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

namespace loupe {

class Store;

struct StoredLrFindRun {
    qint64 id = 0;
    QDateTime startedAt; // local time
    QString status;      // runStatusName
    QString dataSource;  // "fashion-mnist", a CSV name
    QString specName;
    LrFindResult result; // no points when the run has no usable summary (failed,
                         // interrupted)
};

class StoredLrFindRuns {
public:
    // workspace: a Store location; empty means there is nothing to read.
    explicit StoredLrFindRuns(QString workspace);
    ~StoredLrFindRuns();

    // Newest first, at most `limit`.
    Result<std::vector<StoredLrFindRun>> list(int limit = 100);

private:
    LazyStore m_store;
};

} // namespace loupe
