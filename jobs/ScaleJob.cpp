#include "jobs/ScaleJob.h"

namespace loupe {

namespace {

constexpr int s_bins = 30;

} // namespace

ScaleJob::ScaleJob(std::shared_ptr<const Table> table, ScalingRequest request, QObject *parent)
    : Job(parent), m_table(std::move(table)), m_request(std::move(request))
{
    Q_ASSERT(m_table);
    qRegisterMetaType<ScaleResult>();
}

Status ScaleJob::execute()
{
    reportProgress(0.0, QStringLiteral("fitting the scaler"));
    auto outcome = TableScaling::run(*m_table, m_request);
    if (!outcome.isOk())
        return outcome.status();
    if (isCancelled())
        return Status::cancelled();
    ScalingOutcome &value = outcome.value();
    m_result.trainRows = value.partition.train.size();
    m_result.testRows = value.partition.test.size();
    const auto scaled = std::make_shared<const Table>(std::move(value.scaled));
    const std::size_t columns = value.scaler.columns().size();
    for (std::size_t i = 0; i < columns; ++i) {
        const std::string &name = value.scaler.columns()[i].name;
        m_result.before.push_back(computeColumnStats(*m_table->find(name), s_bins));
        m_result.after.push_back(computeColumnStats(*scaled->find(name), s_bins));
        reportProgress(double(i + 1) / double(columns), QStringLiteral("histograms"));
    }
    m_result.scaler = std::move(value.scaler);
    m_result.scaled = scaled;
    return Status::ok();
}

void ScaleJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
