#pragma once
// Runs a suite of data tests (docs/checks.md) over the current LoadedTable on a background thread.
// The suite is given as JSON text (from a file or the Checks page's editor) with the path that messages
// should name. A bad suite (syntax, unknown assertion, missing column, bad expression) fails the job with
// the parser's "path:line: ..." message; a finished run emits finished(runId, CheckJobResult) whatever
// the tests found. Optionally records the run in a workspace (own Store connection on the job's thread).

#include "jobs/Job.h"
#include "jobs/LoadedTable.h"

#include "core/checks/CheckRunResult.h"

#include <QMetaType>
#include <QString>

#include <cstdint>

namespace loupe {

struct CheckJobResult {
    CheckRunResult run;        // every test's outcome: failingRows (all, 0-based data rows) and columns
    QString reportText;        // TextCheckReport of run, ready to show
    qint64 workspaceRunId = -1; // the stored 'check' run, -1 when not recorded
    QString workspaceNote;     // why it was not recorded, empty otherwise
};

struct CheckJobOptions {
    QString workspace;         // Store location to record into; empty: do not record
    std::int64_t nowNanos = 0; // 0: the system clock
    int threads = 0;           // 0: CheckRunner's default
};

class CheckJob : public Job {
    Q_OBJECT
public:
    // requires: loaded.table != nullptr
    CheckJob(LoadedTable loaded, QString suiteText, QString suitePath, CheckJobOptions options = {},
             QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::CheckJobResult &result);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    LoadedTable m_loaded;
    QString m_suiteText;
    QString m_suitePath;
    CheckJobOptions m_options;
    CheckJobResult m_result;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::CheckJobResult)
