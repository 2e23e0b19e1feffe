#include "jobs/LrFindJob.h"

#include "jobs/JobRecording.h"

#include "core/lr/LrFindRunJson.h"
#include "core/train/TrainingDataService.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <nlohmann/json.hpp>

#include <QElapsedTimer>

namespace loupe {

namespace {

QString finishRecording(JobRecording &recording, const LrFindResult &result, RunStatus status, const QString &error)
{
    if (!recording.store)
        return recording.note;
    RunRepository runs(*recording.store);
    std::vector<StepMetric> steps;
    for (std::size_t i = 0; i < result.points.size(); ++i)
        steps.push_back(StepMetric {qint64(i + 1), result.points[i].loss, result.points[i].learningRate});
    const Status stored = runs.addStepMetrics(recording.runId, steps);
    const Status finished = runs.finishRun(
        recording.runId, status, result.seconds,
        QString::fromStdString(lrFindResultJson(result).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)),
        error);
    if (!stored.isOk())
        return QString::fromStdString(stored.message());
    return finished.isOk() ? QString() : QString::fromStdString(finished.message());
}

} // namespace

void registerLrFindMetaTypes()
{
    qRegisterMetaType<LrFindOutcome>();
    qRegisterMetaType<LrPoint>();
    qRegisterMetaType<QVector<LrPoint>>();
}

LrFindJob::LrFindJob(LrFindRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    registerLrFindMetaTypes();
}

Status LrFindJob::execute()
{
    reportProgress(0.0, QStringLiteral("reading the model spec"));
    auto spec = m_request.data.spec();
    if (!spec.isOk())
        return spec.status();
    m_request.range.seed = spec.value().seed;
    m_request.onePass.seed = spec.value().seed;
    const Status valid = m_request.mode == LrFindMode::Range ? RangeTest::validate(m_request.range)
                                                             : OnePassFinder::validate(m_request.onePass);
    if (!valid.isOk())
        return valid;
    reportProgress(0.0, QStringLiteral("preparing the data"));
    auto data = TrainingDataService::prepare(m_request.data, spec.value());
    if (!data.isOk())
        return data.status();
    if (isCancelled())
        return Status::cancelled();

    JobRecording recording = JobRecording::start(m_request.data, RunKind::LrFind,
                                                 lrFindConfigJson(m_request, spec.value(), data.value()));
    reportProgress(0.0, QStringLiteral("searching"));
    Result<LrFindResult> found = search(spec.value(), data.value(), recording.withHeartbeat(progressSink()));
    if (!found.isOk()) {
        finishRecording(recording, LrFindResult {}, RunStatus::Failed, QString::fromStdString(found.message()));
        return found.status();
    }
    const bool cancelled = found.value().status.isCancelled();
    m_outcome.result = found.value();
    m_outcome.specName = QString::fromStdString(spec.value().name);
    m_outcome.dataDescription = QString::fromStdString(data.value().source + ": " + data.value().description());
    m_outcome.finishedAt = QDateTime::currentDateTime();
    m_outcome.storedRunId = recording.runId;
    m_outcome.workspaceNote = finishRecording(recording, m_outcome.result,
        cancelled ? RunStatus::Cancelled : RunStatus::Completed, cancelled ? QStringLiteral("cancelled") : QString());
    return cancelled ? Status::cancelled() : Status::ok();
}

Result<LrFindResult> LrFindJob::search(const ModelSpec &spec, const TrainingData &data, const ProgressSink &sink)
{
    // New points go out at most every ~40 ms (as progress does); the rest right after the search.
    constexpr qint64 s_pointIntervalMs = 40;
    QVector<LrPoint> pending;
    QElapsedTimer sinceSent;
    sinceSent.start();
    auto observe = [this, &pending, &sinceSent](const LrPoint &point) {
        pending.append(point);
        if (sinceSent.elapsed() >= s_pointIntervalMs) {
            Q_EMIT pointsFound(runId(), pending);
            pending.clear();
            sinceSent.restart();
        }
    };
    Result<LrFindResult> found = Status::cancelled();
    if (m_request.mode == LrFindMode::Range) {
        RangeTest test(m_request.range);
        test.setPointObserver(observe);
        found = test.train(spec, data, cancellationToken(), sink);
    } else {
        OnePassFinder finder(m_request.onePass);
        finder.setPointObserver(observe);
        found = finder.train(spec, data, cancellationToken(), sink);
    }
    if (!pending.isEmpty())
        Q_EMIT pointsFound(runId(), pending);
    return found;
}

void LrFindJob::emitFinished() { Q_EMIT finished(runId(), m_outcome); }

} // namespace loupe
