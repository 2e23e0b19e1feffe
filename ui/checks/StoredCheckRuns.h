#pragma once
// The workspace's stored data-test runs ('check' runs, from the Checks page or loupe-cli check),
// read back for the Checks page's history: each run's suite, data and verdict, and per test its
// status, message, failing rows (the first 1000 are stored), locals and note. Threading: the UI
// thread; one Store connection, opened on first use.

#include "ui/common/LazyStore.h"
#include "core/util/Status.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace loupe {

struct StoredCheckRun {
    qint64 id = 0;
    QDateTime startedAt; // local time
    QString status;      // runStatusName
    QString suitePath;
    QString dataPath;
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
    // workspace: a Store location; empty means there is nothing to read.
    explicit StoredCheckRuns(QString workspace);
    ~StoredCheckRuns();

    // Newest first, at most `limit`.
    Result<std::vector<StoredCheckRun>> list(int limit = 200);
    // The run's tests in suite order.
    Result<std::vector<StoredCheckTest>> tests(qint64 runId);

    // A test's stored report as text: the message, the stored failing rows with their values,
    // `Locals:` (names starting with `_` hidden) and `Note:`.
    static QString detailsText(const StoredCheckTest &test);

private:
    LazyStore m_store;
};

} // namespace loupe
