#include "jobs/PiiScanJob.h"

#include "db/store/StoredJson.h"

#include "core/privacy/PiiReportJson.h"
#include "core/privacy/PiiScanner.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

namespace loupe {

PiiScanJob::PiiScanJob(PiiScanRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    Q_ASSERT(m_request.table);
    qRegisterMetaType<PiiScanOutcome>();
}

Status PiiScanJob::execute()
{
    if (m_request.mode == PiiJobMode::AuditOnly) {
        reportProgress(0.0, QStringLiteral("k-anonymity"));
        auto audited = KAnonymity::audit(*m_request.table, m_request.quasiColumns, m_request.k);
        if (audited.isOk())
            m_outcome.kAnonymity = audited.takeValue();
        else
            m_outcome.kAnonymityError = QString::fromStdString(audited.message());
        return isCancelled() ? Status::cancelled() : Status::ok();
    }
    reportProgress(0.0, QStringLiteral("scanning for personal data"));
    PiiScanOptions options;
    options.columns = m_request.columns;
    options.maxFindings = m_request.maxFindings;
    options.maxFindingsPerColumn = m_request.maxFindingsPerColumn;
    options.cancellation = cancellationToken();
    options.progress = progressSink();
    auto scanned = PiiScanner::scan(*m_request.table, options);
    if (!scanned.isOk())
        return scanned.status();
    m_outcome.report = scanned.takeValue();
    if (!m_request.quasiColumns.empty()) {
        auto audited = KAnonymity::audit(*m_request.table, m_request.quasiColumns, m_request.k);
        if (audited.isOk())
            m_outcome.kAnonymity = audited.takeValue();
        else
            m_outcome.kAnonymityError = QString::fromStdString(audited.message());
    }
    if (isCancelled())
        return Status::cancelled();
    record();
    reportProgress(1.0, QStringLiteral("done"));
    return Status::ok();
}

void PiiScanJob::record()
{
    if (m_request.workspace.isEmpty())
        return;
    auto store = Store::open(m_request.workspace);
    if (!store.isOk()) {
        m_outcome.workspaceNote = QStringLiteral("not recorded: %1").arg(QString::fromStdString(store.message()));
        return;
    }
    const PiiScanReport &report = m_outcome.report;
    nlohmann::ordered_json config{{"command", "privacy page"}, {"columns", m_request.columns},
                                  {"max_findings", m_request.maxFindings}};
    nlohmann::ordered_json summary{{"rows", report.rows},
                                   {"total_findings", report.totalFindings},
                                   {"kinds", piiKindTotalsJson(report)},
                                   {"columns", piiColumnsJson(report)},
                                   {"scan_seconds", report.seconds}};
    if (m_outcome.kAnonymity)
        summary["k_anonymity"] = kAnonymityJson(*m_outcome.kAnonymity);
    RunRepository runs(*store.value());
    const std::optional<qint64> dataset =
        m_request.datasetId >= 0 ? std::optional<qint64>(m_request.datasetId) : std::nullopt;
    auto run = runs.createRun(RunKind::Scan, dataset, storedJson(config));
    if (!run.isOk()) {
        m_outcome.workspaceNote = QStringLiteral("not recorded: %1").arg(QString::fromStdString(run.message()));
        return;
    }
    const Status finished = runs.finishRun(run.value(), RunStatus::Completed, report.seconds, storedJson(summary));
    if (!finished.isOk()) {
        m_outcome.workspaceNote = QStringLiteral("not recorded: %1").arg(QString::fromStdString(finished.message()));
        return;
    }
    m_outcome.recordedRunId = run.value();
}

void PiiScanJob::emitFinished()
{
    Q_EMIT finished(runId(), m_outcome);
}

} // namespace loupe
