#include "jobs/LoadCsvJob.h"

#include "core/data/CsvReader.h"
#include "core/util/Timer.h"
#include "db/runs/DatasetRecorder.h"
#include "db/store/Store.h"

#include <QFile>

namespace loupe {

namespace {

// Records the load through this thread's own connection to `workspace`; the connection closes on return.
// Failures read "workspace LOCATION: STEP: what went wrong"; a cancellation stays Status::cancelled().
Result<qint64> recordInWorkspace(const QString &workspace, const Table &table, const CsvLoad &load,
                                 const CancellationToken *cancel)
{
    const std::string where = "workspace " + workspace.toStdString() + ": ";
    auto store = Store::open(workspace);
    if (!store.isOk())
        return Status::error(store.status().code(), where + "opening: " + store.message());
    auto recorded = DatasetRecorder(*store.value()).recordLoad(table, load, cancel);
    if (!recorded.isOk())
        return recorded.status().isCancelled() ? recorded.status()
                                               : Status::error(recorded.status().code(), where + recorded.message());
    return recorded.value().datasetId;
}

} // namespace

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
    loaded.skippedSamples = std::move(report.skippedSamples);
    loaded.delimiter = report.delimiter;
    loaded.table = std::make_shared<const Table>(std::move(report.table));
    if (isCancelled())
        return Status::cancelled();

    if (!m_workspace.isEmpty()) {
        reportProgress(1.0, QStringLiteral("recording in workspace"));
        const CsvLoad load{m_path, m_options, loaded.skippedRows, loaded.delimiter, loaded.seconds};
        Result<qint64> recorded = recordInWorkspace(m_workspace, *loaded.table, load, cancellationToken());
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
