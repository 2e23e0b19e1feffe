#include "jobs/FeaturePlanJob.h"

namespace loupe {

FeaturePlanJob::FeaturePlanJob(std::shared_ptr<const Table> table, FeaturePlanOptions options, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_options(std::move(options))
{
    Q_ASSERT(m_table);
    qRegisterMetaType<FeaturePlan>();
}

Status FeaturePlanJob::execute()
{
    reportProgress(0.0, QStringLiteral("proposing the features"));
    m_options.cancellation = cancellationToken();
    auto plan = FeaturePlanner::propose(*m_table, m_options);
    if (!plan.isOk())
        return plan.status();
    m_plan = plan.takeValue();
    reportProgress(1.0, QStringLiteral("proposing the features"));
    return Status::ok();
}

void FeaturePlanJob::emitFinished()
{
    Q_EMIT finished(runId(), m_plan);
}

} // namespace loupe
