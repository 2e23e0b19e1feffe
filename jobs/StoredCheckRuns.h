#pragma once
// The workspace's stored data-test runs ('check' runs, from the Checks page or loupe-cli check),
// read back for the Checks page's history: each run's suite, data and verdict, and per test its
// status, message, failing rows (the first 1000 are stored), locals and note.
//
// Threading: runs SQL on the Store it is given; the Checks page calls it through a
// WorkspaceReader, on a worker thread.

#include "jobs/StoredRunSummary.h"

#include "core/util/Status.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

class Store;

// dataSource: the checked CSV's path.
struct StoredCheckRun : StoredRunSummary {
    QString suitePath;
    int testsRun = 0;
    int failures = 0;
    int warnings = 0;
};

struct StoredCheckTest {
    QString name;
    QString severity;
    bool passed = false;
    qint64 failureCount = 0;
    // From the stored report (JsonCheckReport's test object), read once:
    QString message;
    QList<qint64> rows;      // the stored failing rows (the first 1000)
    QStringList values;      // their offending values, where the assertion reports them
    QList<QPair<QString, QString>> locals; // in the order the test defines them
    QString note;
};

class StoredCheckRuns {
public:
    // requires: store outlives this reader and belongs to the calling thread.
    explicit StoredCheckRuns(Store &store) : m_store(store) {}

    // Newest first, at most `limit`.
    Result<std::vector<StoredCheckRun>> list(int limit = 200);
    // The run's tests in suite order.
    Result<std::vector<StoredCheckTest>> tests(qint64 runId);

    // A test's stored report as text: the message, the stored failing rows with their values,
    // `Locals:` (names starting with `_` hidden) and `Note:`.
    static QString detailsText(const StoredCheckTest &test);

private:
    Store &m_store;
};

} // namespace loupe
