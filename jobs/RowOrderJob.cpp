#include "jobs/RowOrderJob.h"

#include "core/data/RowOrdering.h"
#include "core/util/Timer.h"

namespace loupe {

RowOrderJob::RowOrderJob(std::shared_ptr<const Table> table, RowQuery query, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_query(std::move(query))
{
    Q_ASSERT(m_table);
}

Status RowOrderJob::execute()
{
    const char *stage = m_query.sort ? "sorting" : "filtering";
    reportProgress(0.0, QString::fromLatin1(stage));
    Timer timer;
    RowOrderingOptions options;
    options.cancellation = cancellationToken();
    options.progress = progressSink();
    Result<std::vector<std::size_t>> rows = RowOrdering::compute(*m_table, m_query, options);
    if (!rows.isOk())
        return rows.status();
    m_result.table = m_table;
    m_result.rows = std::make_shared<const std::vector<std::size_t>>(rows.takeValue());
    m_result.query = m_query;
    m_result.seconds = timer.seconds();
    return Status::ok();
}

void RowOrderJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
