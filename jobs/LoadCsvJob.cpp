#include "jobs/LoadCsvJob.h"

#include "jobs/WorkspaceRecorder.h"

#include "core/data/CsvReader.h"
#include "core/util/Timer.h"

#include <QFile>

namespace loupe {

LoadCsvJob::LoadCsvJob(QString path, CsvOptions options, QString workspace, QObject *parent)
    : Job(parent), m_path(std::move(path)), m_options(std::move(options)), m_workspace(std::move(workspace))
{
}

Status LoadCsvJob::execute()
{
    reportProgress(0.0, QStringLiteral("reading"));
    CsvReader reader(m_options);
    reader.setProgressSink(progressSink());
    reader.setCancellationToken(cancellationToken());
    Timer timer;
    Result<CsvReadReport> read = reader.readFile(QFile::encodeName(m_path).toStdString());
    if (!read.isOk())
        return read.status();
    CsvReadReport report = read.takeValue();

    LoadedTable loaded;
    loaded.seconds = timer.seconds();
    loaded.path = m_path;
    loaded.skippedRows = report.skippedRows;
    loaded.delimiter = report.delimiter;
    loaded.table = std::make_shared<const Table>(std::move(report.table));
    if (isCancelled())
        return Status::cancelled();

    if (!m_workspace.isEmpty()) {
        reportProgress(1.0, QStringLiteral("recording in workspace"));
        WorkspaceRecorder recorder(m_workspace);
        Result<qint64> recorded = recorder.recordLoad(loaded, cancellationToken());
        if (recorded.status().isCancelled())
            return recorded.status();
        if (recorded.isOk())
            loaded.datasetId = recorded.value();
        else
            loaded.workspaceNote = QString::fromStdString(recorded.message());
    }
    m_result = std::move(loaded);
    return Status::ok();
}

void LoadCsvJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
