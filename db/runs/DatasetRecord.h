#pragma once
// One row of the datasets table: a data file as it was when loaded. The same path with other
// content (a different hash) is a different dataset, so old runs keep pointing at the data they saw.

#include <QDateTime>
#include <QString>

namespace loupe {

struct DatasetRecord {
    qint64 id = 0;        // assigned by DatasetRepository::upsert
    QString path;         // absolute path of the file
    QString contentHash;  // FileFingerprint::contentHash, e.g. "fnv1a64:cbf29ce484222325"
    qint64 sizeBytes = 0;
    qint64 rowCount = 0;
    int columnCount = 0;
    QString schemaJson;   // column names and types as JSON; "{}" when unknown
    QDateTime loadedAt;   // UTC, set by upsert to the time of the latest load
};

} // namespace loupe
