#include "app/cli/CliWorkspace.h"

#include "core/data/Table.h"
#include "db/runs/DatasetRepository.h"
#include "db/runs/FileFingerprint.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <nlohmann/json.hpp>

namespace loupe::cli {

CliWorkspace::CliWorkspace(QString location, WorkspaceUse use) : m_location(std::move(location)), m_use(use) {}

CliWorkspace::~CliWorkspace() = default;

Result<Store *> CliWorkspace::store()
{
    Q_ASSERT(isEnabled());
    if (m_store)
        return m_store.get();
    auto opened = Store::open(m_location);
    if (!opened.isOk())
        return opened.status();
    m_store = opened.takeValue();
    return m_store.get();
}

Result<RecordedLoad> CliWorkspace::recordLoad(const FileFingerprint &file, const Table &table, double seconds,
                                              const QString &configJson, const QString &summaryJson)
{
    auto opened = store();
    if (!opened.isOk())
        return opened.status();
    Store &db = *opened.value();
    auto transaction = Transaction::begin(db);
    if (!transaction.isOk())
        return transaction.status();

    DatasetRecord dataset;
    dataset.path = file.path;
    dataset.contentHash = file.contentHash;
    dataset.sizeBytes = file.sizeBytes;
    dataset.rowCount = static_cast<qint64>(table.rowCount());
    dataset.columnCount = static_cast<int>(table.columnCount());
    dataset.schemaJson = schemaJson(table);
    auto datasetId = DatasetRepository(db).upsert(dataset);
    if (!datasetId.isOk())
        return datasetId.status();

    RunRepository runs(db);
    auto runId = runs.createRun(RunKind::Load, datasetId.value(), configJson);
    if (!runId.isOk())
        return runId.status();
    if (Status finished = runs.finishRun(runId.value(), RunStatus::Completed, seconds, summaryJson); !finished.isOk())
        return finished;
    if (Status committed = transaction.value().commit(); !committed.isOk())
        return committed;
    return RecordedLoad{datasetId.value(), runId.value()};
}

QString schemaJson(const Table &table)
{
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const Column &column : table.columns())
        columns.push_back({{"name", column.name()}, {"type", std::string(columnTypeName(column.type()))}});
    nlohmann::ordered_json schema;
    schema["columns"] = std::move(columns);
    return QString::fromStdString(schema.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

} // namespace loupe::cli
