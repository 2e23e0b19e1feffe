#include "jobs/SufficiencyJob.h"

namespace loupe {

SufficiencyJob::SufficiencyJob(std::shared_ptr<const Table> table, SufficiencyOptions options, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_options(std::move(options))
{
    Q_ASSERT(m_table);
    qRegisterMetaType<SufficiencyReport>();
}

Status SufficiencyJob::execute()
{
    reportProgress(0.0, QStringLiteral("sufficiency"));
    auto report = SufficiencyAnalyzer::analyze(*m_table, m_options);
    if (!report.isOk())
        return report.status();
    m_result = report.takeValue();
    reportProgress(1.0, QStringLiteral("sufficiency"));
    return Status::ok();
}

void SufficiencyJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
