#include "db/runs/DatasetRepository.h"

#include "db/store/Store.h"
#include "db/store/UtcTimestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace loupe {
namespace {

const QString s_columns = QStringLiteral(
    "id, path, content_hash, size_bytes, row_count, column_count, schema_json, loaded_at");

DatasetRecord readDataset(const QSqlQuery &query)
{
    DatasetRecord record;
    record.id = query.value(0).toLongLong();
    record.path = query.value(1).toString();
    record.contentHash = query.value(2).toString();
    record.sizeBytes = query.value(3).toLongLong();
    record.rowCount = query.value(4).toLongLong();
    record.columnCount = query.value(5).toInt();
    record.schemaJson = query.value(6).toString();
    record.loadedAt = UtcTimestamp::parse(query.value(7).toString());
    return record;
}

} // namespace

Result<qint64> DatasetRepository::upsert(const DatasetRecord &record)
{
    if (record.path.isEmpty() || record.contentHash.isEmpty())
        return Status::invalidInput("dataset record needs a path and a content hash (path '"
                                    + record.path.toStdString() + "')");
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(
        query, QStringLiteral("INSERT INTO datasets (path, content_hash, size_bytes, row_count, column_count, "
                              "schema_json, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                              "ON CONFLICT (path, content_hash) DO UPDATE SET size_bytes = excluded.size_bytes, "
                              "row_count = excluded.row_count, column_count = excluded.column_count, "
                              "schema_json = excluded.schema_json, loaded_at = excluded.loaded_at "
                              "RETURNING id"));
    if (!status.isOk())
        return status;
    query.addBindValue(record.path);
    query.addBindValue(record.contentHash);
    query.addBindValue(record.sizeBytes);
    query.addBindValue(record.rowCount);
    query.addBindValue(record.columnCount);
    query.addBindValue(record.schemaJson.isEmpty() ? QStringLiteral("{}") : record.schemaJson);
    query.addBindValue(UtcTimestamp::now());
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    if (!query.next())
        return Status::ioError("upsert of dataset '" + record.path.toStdString() + "' returned no id in "
                               + m_store.location().toStdString());
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

Result<std::optional<DatasetRecord>> DatasetRepository::find(qint64 id)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT ") + s_columns
                                               + QStringLiteral(" FROM datasets WHERE id = ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(id);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    if (!query.next())
        return std::optional<DatasetRecord>();
    return std::optional<DatasetRecord>(readDataset(query));
}

Result<std::vector<DatasetRecord>> DatasetRepository::list()
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT ") + s_columns
                        + QStringLiteral(" FROM datasets ORDER BY loaded_at DESC, id DESC");
    if (!query.exec(sql))
        return m_store.sqlError(query.lastError(), sql);
    std::vector<DatasetRecord> records;
    while (query.next())
        records.push_back(readDataset(query));
    return records;
}

} // namespace loupe
