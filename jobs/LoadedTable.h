#pragma once
// A table read from a CSV file, as LoadCsvJob hands it to the UI thread (a copyable value).

#include "core/data/CsvReader.h"
#include "core/data/Table.h"

#include <QMetaType>
#include <QString>

#include <memory>
#include <vector>

namespace loupe {

struct LoadedTable {
    std::shared_ptr<const Table> table; // shared read-only between threads
    QString path;
    double seconds = 0.0;        // time spent reading and parsing
    quint64 skippedRows = 0;     // rows dropped under BadRowPolicy::Skip
    std::vector<CsvSkippedRow> skippedSamples; // the first few of them: line and reason
    char delimiter = ',';
    qint64 datasetId = -1;       // the workspace's dataset id, -1 when the load was not recorded
    QString workspaceNote;       // why the load was not recorded in the workspace, empty otherwise
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::LoadedTable)
