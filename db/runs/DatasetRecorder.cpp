#include "db/runs/DatasetRecorder.h"

#include "db/store/StoredJson.h"

#include "core/data/LoadRunJson.h"
#include "db/runs/DatasetRepository.h"
#include "db/runs/FileFingerprint.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

namespace loupe {

namespace {

// "STEP: message", keeping the code; a cancellation stays the plain Status::cancelled().
Status atStep(const Status &status, const char *step)
{
    if (status.isCancelled())
        return status;
    return Status::error(status.code(), std::string(step) + ": " + status.message());
}

} // namespace

DatasetShape DatasetRecorder::shapeOf(const Table &table)
{
    DatasetShape shape;
    shape.rowCount = static_cast<qint64>(table.rowCount());
    shape.columnCount = static_cast<int>(table.columnCount());
    shape.schemaJson = storedJson(tableSchemaJson(table));
    return shape;
}

Result<qint64> DatasetRecorder::recordDataset(const QString &path, const DatasetShape &shape,
                                              const CancellationToken *cancel)
{
    return record(path, shape, cancel, AlsoStore());
}

Result<RecordedLoad> DatasetRecorder::recordLoad(const Table &table, const CsvLoad &load,
                                                 const CancellationToken *cancel)
{
    RecordedLoad recorded;
    const auto addRun = [&](qint64 datasetId, const FileFingerprint &file) -> Status {
        RunRepository runs(m_store);
        const QString config = storedJson(loadConfigJson(load.options, file.path.toStdString()));
        auto runId = runs.createRun(RunKind::Load, datasetId, config);
        if (!runId.isOk())
            return atStep(runId.status(), "creating the load run");
        const QString summary = storedJson(loadSummaryJson(table, load.skippedRows, load.delimiter, load.seconds));
        if (Status finished = runs.finishRun(runId.value(), RunStatus::Completed, load.seconds, summary);
            !finished.isOk())
            return atStep(finished, "finishing the load run");
        recorded.runId = runId.value();
        return Status::ok();
    };
    auto datasetId = record(load.path, shapeOf(table), cancel, addRun);
    if (!datasetId.isOk())
        return datasetId.status();
    recorded.datasetId = datasetId.value();
    return recorded;
}

Result<qint64> DatasetRecorder::record(const QString &path, const DatasetShape &shape,
                                       const CancellationToken *cancel, const AlsoStore &alsoStore)
{
    auto file = FileFingerprint::ofFile(path, cancel);
    if (!file.isOk())
        return atStep(file.status(), "hashing the file");
    auto transaction = Transaction::begin(m_store);
    if (!transaction.isOk())
        return atStep(transaction.status(), "starting a transaction");
    DatasetRecord dataset;
    dataset.path = file.value().path;
    dataset.contentHash = file.value().contentHash;
    dataset.sizeBytes = file.value().sizeBytes;
    dataset.rowCount = shape.rowCount;
    dataset.columnCount = shape.columnCount;
    dataset.schemaJson = shape.schemaJson;
    auto datasetId = DatasetRepository(m_store).upsert(dataset);
    if (!datasetId.isOk())
        return atStep(datasetId.status(), "storing the dataset");
    if (alsoStore) {
        if (Status also = alsoStore(datasetId.value(), file.value()); !also.isOk())
            return also;
    }
    if (Status committed = transaction.value().commit(); !committed.isOk())
        return atStep(committed, "committing");
    return datasetId.value();
}

} // namespace loupe
