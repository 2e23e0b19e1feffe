#include "db/runs/DatasetRepository.h"

#include "db/store/Store.h"
#include "db/store/UtcTimestamp.h"

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
    return m_store.insertReturningId(
        QStringLiteral("INSERT INTO datasets (path, content_hash, size_bytes, row_count, column_count, "
                       "schema_json, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (path, content_hash) DO UPDATE SET size_bytes = excluded.size_bytes, "
                       "row_count = excluded.row_count, column_count = excluded.column_count, "
                       "schema_json = excluded.schema_json, loaded_at = excluded.loaded_at "
                       "RETURNING id"),
        {record.path, record.contentHash, record.sizeBytes, record.rowCount, record.columnCount,
         record.schemaJson.isEmpty() ? QStringLiteral("{}") : record.schemaJson, UtcTimestamp::now()},
        "upsert of dataset '" + record.path.toStdString() + "'");
}

Result<std::optional<DatasetRecord>> DatasetRepository::find(qint64 id)
{
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM datasets WHERE id = ?"),
                               {id}, readDataset);
}

Result<std::vector<DatasetRecord>> DatasetRepository::list()
{
    return m_store.selectAll(QStringLiteral("SELECT ") + s_columns
                                 + QStringLiteral(" FROM datasets ORDER BY loaded_at DESC, id DESC"),
                             {}, readDataset);
}

} // namespace loupe
