#pragma once
// The statistics of one column, as ColumnStatsJob hands them to the UI thread (a copyable value).

#include "core/data/ColumnStats.h"

#include <QMetaType>

namespace loupe {

struct ColumnSummary {
    int column = -1;   // index of the column in its table
    ColumnStats stats;
    double seconds = 0.0;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::ColumnSummary)
