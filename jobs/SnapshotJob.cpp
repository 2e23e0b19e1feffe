#include "jobs/SnapshotJob.h"

#include "jobs/JobRecording.h"

#include "core/lr/SnapshotReportJson.h"
#include "core/train/TrainingDataService.h"
#include "db/runs/RunRepository.h"
#include "db/runs/SnapshotRunMetrics.h"
#include "db/store/Store.h"

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

RunStatus runStatus(const SnapshotReport &report)
{
    if (report.diverged)
        return RunStatus::Diverged;
    return report.status.isCancelled() ? RunStatus::Cancelled : RunStatus::Completed;
}

// Ends the stored run; returns the note to show (empty when all was stored).
QString finishRecording(JobRecording &recording, const SnapshotReport *report, const QString &error)
{
    if (!recording.store)
        return recording.note;
    RunRepository runs(*recording.store);
    if (!report) {
        const Status finished = runs.finishRun(recording.runId, RunStatus::Failed, 0.0, QStringLiteral("{}"), error);
        return finished.isOk() ? QString() : QString::fromStdString(finished.message());
    }
    const Status stored = runs.addEpochMetrics(recording.runId, snapshotEpochMetrics(*report));
    const QString summary = QString::fromStdString(
        snapshotReportJson(*report).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    const Status finished = runs.finishRun(recording.runId, runStatus(*report), report->seconds, summary,
                                           report->status.isOk() ? QString() : QString::fromStdString(report->status.message()));
    if (!stored.isOk())
        return QString::fromStdString(stored.message());
    return finished.isOk() ? QString() : QString::fromStdString(finished.message());
}

} // namespace

void registerSnapshotMetaTypes() { qRegisterMetaType<SnapshotOutcome>(); }

SnapshotJob::SnapshotJob(SnapshotRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    registerSnapshotMetaTypes();
}

Status SnapshotJob::execute()
{
    reportProgress(0.0, QStringLiteral("reading the model spec"));
    auto spec = m_request.data.spec();
    if (!spec.isOk())
        return spec.status();
    SnapshotOptions options;
    options.cycles = m_request.cycles;
    options.epochs = m_request.epochs;
    options.lr0 = m_request.lr0;
    options.seed = spec.value().seed;
    options.baseline = m_request.baseline;
    if (Status valid = SnapshotEnsemble::validate(options); !valid.isOk())
        return valid;
    reportProgress(0.0, QStringLiteral("preparing the data"));
    auto data = TrainingDataService::prepare(m_request.data, spec.value());
    if (!data.isOk())
        return data.status();
    if (Status fits = SnapshotEnsemble::check(spec.value(), data.value(), options); !fits.isOk())
        return fits;
    if (isCancelled())
        return Status::cancelled();

    JobRecording recording = JobRecording::start(m_request.data, RunKind::Snapshot,
                                                 snapshotConfigJson(options, spec.value(), data.value()));
    reportProgress(0.0, QStringLiteral("training"));
    auto report = SnapshotEnsemble::run(spec.value(), data.value(), options, cancellationToken(),
                                        recording.withHeartbeat(progressSink()));
    if (!report.isOk()) {
        finishRecording(recording, nullptr, QString::fromStdString(report.message()));
        return report.status();
    }
    m_outcome.report = report.value();
    m_outcome.specName = QString::fromStdString(spec.value().name);
    m_outcome.dataDescription = QString::fromStdString(data.value().source + ": " + data.value().description());
    m_outcome.cycles = options.cycles;
    m_outcome.epochs = options.epochs;
    m_outcome.finishedAt = QDateTime::currentDateTime();
    m_outcome.storedRunId = recording.runId;
    m_outcome.workspaceNote = finishRecording(recording, &m_outcome.report, QString());
    // A cancelled run still reports what it measured; the page shows it as cancelled.
    return Status::ok();
}

void SnapshotJob::emitFinished() { Q_EMIT finished(runId(), m_outcome); }

} // namespace loupe
