#pragma once
// What the datasets table stores about a file's content besides its identity (path, hash, size):
// its row and column counts and its schema. DatasetRecorder::shapeOf(table) makes one from a table.

#include <QString>

namespace loupe {

struct DatasetShape {
    qint64 rowCount = 0;
    int columnCount = 0;
    QString schemaJson; // {"columns":[{"name","type"}]} (core/data/LoadRunJson.h)
};

} // namespace loupe
