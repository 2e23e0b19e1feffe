#include "jobs/WorkspaceRecorder.h"

#include "db/runs/DatasetRepository.h"
#include "db/runs/FileFingerprint.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace loupe {

namespace {

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Status withContext(const Status &status, const QString &workspace, const char *step)
{
    return Status::error(status.code(), "workspace " + workspace.toStdString() + ": " + step + ": " + status.message());
}

} // namespace

WorkspaceRecorder::WorkspaceRecorder(QString workspace) : m_workspace(std::move(workspace)) {}

QString WorkspaceRecorder::schemaJson(const Table &table)
{
    QJsonArray columns;
    for (const Column &column : table.columns()) {
        columns.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(column.name())},
                                   {QStringLiteral("type"), QString::fromLatin1(columnTypeName(column.type()))}});
    }
    return compactJson(QJsonObject{{QStringLiteral("columns"), columns}});
}

Result<qint64> WorkspaceRecorder::recordLoad(const LoadedTable &loaded, const CancellationToken *cancel) const
{
    Q_ASSERT(loaded.table);
    Result<FileFingerprint> fingerprint = FileFingerprint::ofFile(loaded.path, cancel);
    if (!fingerprint.isOk())
        return fingerprint.status().isCancelled() ? fingerprint.status()
                                                  : withContext(fingerprint.status(), m_workspace, "hashing the file");
    Result<std::unique_ptr<Store>> opened = Store::open(m_workspace);
    if (!opened.isOk())
        return withContext(opened.status(), m_workspace, "opening");
    Store &store = *opened.value();

    DatasetRecord record;
    record.path = fingerprint.value().path;
    record.contentHash = fingerprint.value().contentHash;
    record.sizeBytes = fingerprint.value().sizeBytes;
    record.rowCount = qint64(loaded.table->rowCount());
    record.columnCount = int(loaded.table->columnCount());
    record.schemaJson = schemaJson(*loaded.table);

    Result<Transaction> transaction = Transaction::begin(store);
    if (!transaction.isOk())
        return withContext(transaction.status(), m_workspace, "starting a transaction");
    Result<qint64> datasetId = DatasetRepository(store).upsert(record);
    if (!datasetId.isOk())
        return withContext(datasetId.status(), m_workspace, "storing the dataset");

    RunRepository runs(store);
    const QString config = compactJson(QJsonObject{{QStringLiteral("path"), record.path},
                                                   {QStringLiteral("delimiter"), QString(QLatin1Char(loaded.delimiter))}});
    Result<qint64> runId = runs.createRun(RunKind::Load, datasetId.value(), config);
    if (!runId.isOk())
        return withContext(runId.status(), m_workspace, "creating the load run");
    const QString summary = compactJson(QJsonObject{{QStringLiteral("rows"), record.rowCount},
                                                    {QStringLiteral("columns"), record.columnCount},
                                                    {QStringLiteral("skippedRows"), qint64(loaded.skippedRows)}});
    const Status finished = runs.finishRun(runId.value(), RunStatus::Completed, loaded.seconds, summary);
    if (!finished.isOk())
        return withContext(finished, m_workspace, "finishing the load run");
    const Status committed = transaction.value().commit();
    if (!committed.isOk())
        return withContext(committed, m_workspace, "committing");
    return datasetId.value();
}

} // namespace loupe
