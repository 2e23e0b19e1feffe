#include "jobs/ColumnStatsJob.h"

#include "core/util/Timer.h"

namespace loupe {

ColumnStatsJob::ColumnStatsJob(std::shared_ptr<const Table> table, int column, int bins, int topN, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_column(column), m_bins(bins), m_topN(topN)
{
    Q_ASSERT(m_table);
    Q_ASSERT(column >= 0 && std::size_t(column) < m_table->columnCount());
}

Status ColumnStatsJob::execute()
{
    reportProgress(0.0, QStringLiteral("column statistics"));
    Timer timer;
    m_result.column = m_column;
    m_result.stats = computeColumnStats(m_table->column(std::size_t(m_column)), m_bins, m_topN);
    m_result.seconds = timer.seconds();
    reportProgress(1.0, QStringLiteral("column statistics"));
    return Status::ok();
}

void ColumnStatsJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
