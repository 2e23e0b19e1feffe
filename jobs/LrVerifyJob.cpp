#include "jobs/LrVerifyJob.h"

#include "jobs/JobRecording.h"

#include "core/lr/LrVerifyJson.h"
#include "core/train/TrainingDataService.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

namespace loupe {

namespace {

QString finishVerifyRecording(JobRecording &recording, const LrVerifyResult &result, RunStatus status,
                              const QString &error)
{
    if (!recording.store)
        return recording.note;
    const Status finished = RunRepository(*recording.store).finishRun(
        recording.runId, status, result.seconds,
        QString::fromStdString(
            lrVerifyResultJson(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)),
        error);
    return finished.isOk() ? QString() : QString::fromStdString(finished.message());
}

} // namespace

void registerLrVerifyMetaTypes()
{
    qRegisterMetaType<LrVerifyOutcome>();
    qRegisterMetaType<LrVerifyPoint>();
}

LrVerifyJob::LrVerifyJob(LrVerifyRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    registerLrVerifyMetaTypes();
}

Status LrVerifyJob::execute()
{
    reportProgress(0.0, QStringLiteral("reading the model spec"));
    auto spec = m_request.data.spec();
    if (!spec.isOk())
        return spec.status();
    if (m_request.options.seeds.empty())
        m_request.options.seeds = {spec.value().seed};
    if (Status valid = LrVerifier::validate(m_request.options); !valid.isOk())
        return valid;
    reportProgress(0.0, QStringLiteral("preparing the data"));
    auto data = TrainingDataService::prepare(m_request.data, spec.value());
    if (!data.isOk())
        return data.status();
    if (isCancelled())
        return Status::cancelled();

    JobRecording recording = JobRecording::start(m_request.data, RunKind::LrFind,
                                                 lrVerifyConfigJson(m_request.options, spec.value(), data.value()));
    reportProgress(0.0, QStringLiteral("training at each rate"));
    LrVerifier verifier(m_request.options);
    verifier.setPointObserver([this](const LrVerifyPoint &point) { Q_EMIT pointFound(runId(), point); });
    Result<LrVerifyResult> verified = verifier.train(spec.value(), data.value(), cancellationToken(),
                                                     recording.withHeartbeat(progressSink()));
    if (!verified.isOk()) {
        finishVerifyRecording(recording, LrVerifyResult {}, RunStatus::Failed, QString::fromStdString(verified.message()));
        return verified.status();
    }
    const bool cancelled = verified.value().status.isCancelled();
    m_outcome.result = verified.value();
    m_outcome.specName = QString::fromStdString(spec.value().name);
    m_outcome.storedRunId = recording.runId;
    m_outcome.workspaceNote = finishVerifyRecording(recording, m_outcome.result,
                                                    cancelled ? RunStatus::Cancelled : RunStatus::Completed,
                                                    cancelled ? QStringLiteral("cancelled") : QString());
    return cancelled ? Status::cancelled() : Status::ok();
}

void LrVerifyJob::emitFinished() { Q_EMIT finished(runId(), m_outcome); }

} // namespace loupe
