#pragma once
// Reads a CSV file into a Table on a background thread.
// Emits finished(runId, LoadedTable) on success; failed(runId, message) with the reader's message
// (which names file, line and column) on bad input; cancelled(runId) when asked to stop.
// When a workspace location is given, a successful load is recorded there (dataset + 'load' run)
// through the job's own Store connection; a recording failure does not fail the load, it is
// reported in LoadedTable::workspaceNote.

#include "jobs/Job.h"
#include "jobs/LoadedTable.h"

#include "core/data/CsvOptions.h"

#include <QString>

namespace loupe {

class LoadCsvJob : public Job {
    Q_OBJECT
public:
    // workspace: a Store location (see db/store/ConnectionSpec.h), or empty to not record the load.
    LoadCsvJob(QString path, CsvOptions options, QString workspace = QString(), QObject *parent = nullptr);

    const QString &path() const { return m_path; }

Q_SIGNALS:
    void finished(quint64 runId, const loupe::LoadedTable &result);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    QString m_path;
    CsvOptions m_options;
    QString m_workspace;
    LoadedTable m_result;
};

} // namespace loupe
