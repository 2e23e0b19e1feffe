#pragma once
// Computes the statistics of one column (computeColumnStats) on a background thread.
// Emits finished(runId, ColumnSummary). The table is shared read-only with the UI thread.

#include "jobs/ColumnSummary.h"
#include "jobs/Job.h"

#include "core/data/Table.h"

#include <memory>

namespace loupe {

class ColumnStatsJob : public Job {
    Q_OBJECT
public:
    // requires: table != nullptr, 0 <= column < table->columnCount(), bins >= 1, topN >= 1
    ColumnStatsJob(std::shared_ptr<const Table> table, int column, int bins = 30, int topN = 20,
                   QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const loupe::ColumnSummary &summary);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    std::shared_ptr<const Table> m_table;
    int m_column;
    int m_bins;
    int m_topN;
    ColumnSummary m_result;
};

} // namespace loupe
