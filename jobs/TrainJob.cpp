#include "jobs/TrainJob.h"

#include "jobs/TrainProgressReporter.h"
#include "core/train/TrainingDataService.h"
#include "core/train/TrainingReport.h"
#include "core/train/TrainingSession.h"
#include "db/store/Store.h"
#include "db/runs/TrainRunRecorder.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace loupe {

namespace {

// Emits each finished epoch from the training thread.
class EpochEmitter : public Callback {
public:
    explicit EpochEmitter(std::function<void(const EpochStats &)> send) : m_send(std::move(send)) {}
    CallbackAction onEpochEnd(Trainer &, const EpochStats &stats) override
    {
        m_send(stats);
        return CallbackAction::Continue;
    }

private:
    std::function<void(const EpochStats &)> m_send;
};

// The workspace side of a run: its own connection and the recorder, or the reason there is none.
struct Recording {
    std::unique_ptr<Store> store;
    std::unique_ptr<TrainRunRecorder> recorder;
    QString note;
};

Recording startRecording(const TrainRequest &request, const ModelSpec &spec, const TrainingData &prepared)
{
    Recording recording;
    if (request.workspace.isEmpty())
        return recording;
    auto opened = Store::open(request.workspace);
    if (!opened.isOk()) {
        recording.note = QStringLiteral("not recorded: %1").arg(QString::fromStdString(opened.message()));
        return recording;
    }
    recording.store = opened.takeValue();
    recording.recorder = std::make_unique<TrainRunRecorder>(*recording.store, prepared.task);
    const std::optional<qint64> dataset = request.source == TrainRequest::Source::Table && request.datasetId >= 0
                                              ? std::optional<qint64>(request.datasetId)
                                              : std::nullopt;
    const std::string started = TrainingReport::startSummaryJson(prepared).dump(
        -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    const ModelSpec trained = TrainingDataService::specAsTrained(spec, prepared);
    auto run = recording.recorder->begin(dataset, QString::fromStdString(trained.toJsonText()),
                                         QString::fromStdString(started));
    if (!run.isOk()) {
        recording.note = QStringLiteral("not recorded: %1").arg(QString::fromStdString(run.message()));
        recording.recorder.reset();
    }
    return recording;
}

double measured(const std::optional<Evaluation> &test, double Evaluation::*field)
{
    return test ? test.value().*field : std::numeric_limits<double>::quiet_NaN();
}

TrainStart describeStart(const ModelSpec &spec, const TrainingData &prepared, const Recording &recording)
{
    TrainStart start;
    start.specName = QString::fromStdString(spec.name);
    start.dataDescription = QString::fromStdString(prepared.source + ": " + prepared.description());
    for (const std::string &label : prepared.classLabels)
        start.classLabels.append(QString::fromStdString(label));
    start.classification = prepared.task == TaskKind::Classification;
    start.epochs = spec.epochs;
    const qint64 stepsPerEpoch = (prepared.train.size() + spec.batchSize - 1) / spec.batchSize;
    start.totalSteps = stepsPerEpoch * spec.epochs;
    start.storedRunId = recording.recorder ? recording.recorder->runId() : 0;
    start.workspaceNote = recording.note;
    return start;
}

// The summary the page shows; also ends the stored run.
TrainSummary summarize(const TrainingOutcome &outcome, const TrainingData &prepared, Recording &recording)
{
    TrainSummary summary;
    summary.status = QString::fromStdString(TrainingReport::statusName(outcome.result.stopReason));
    if (!outcome.result.status.isOk())
        summary.message = QString::fromStdString(outcome.result.status.message());
    summary.diverged = outcome.diverged();
    summary.classification = prepared.task == TaskKind::Classification;
    summary.epochsCompleted = outcome.result.epochsCompleted;
    summary.steps = outcome.result.stepsCompleted;
    summary.seconds = outcome.result.seconds;
    summary.testLoss = measured(outcome.test, &Evaluation::loss);
    summary.testAccuracy = summary.classification ? measured(outcome.test, &Evaluation::accuracy)
                                                  : std::numeric_limits<double>::quiet_NaN();
    summary.workspaceNote = recording.note;
    summary.summaryJson = QString::fromStdString(TrainingReport::summaryJson(outcome, prepared)
                                                     .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    if (!recording.recorder)
        return summary;
    summary.storedRunId = recording.recorder->runId();
    const Status finished = recording.recorder->finish(TrainRunRecorder::statusFor(outcome.result.stopReason),
                                                       outcome.result.seconds, summary.summaryJson, summary.message);
    const Status &metrics = recording.recorder->storageError();
    if (!metrics.isOk() || !finished.isOk())
        summary.workspaceNote = QString::fromStdString(metrics.isOk() ? finished.message() : metrics.message());
    return summary;
}

} // namespace

void registerTrainMetaTypes()
{
    qRegisterMetaType<EpochStats>();
    qRegisterMetaType<TrainStart>();
    qRegisterMetaType<TrainBatchProgress>();
    qRegisterMetaType<TrainSummary>();
}

TrainJob::TrainJob(TrainRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    registerTrainMetaTypes();
}

Status TrainJob::execute()
{
    reportProgress(0.0, QStringLiteral("reading the model spec"));
    auto spec = m_request.spec();
    if (!spec.isOk())
        return spec.status();
    reportProgress(0.0, QStringLiteral("preparing the data"));
    auto data = TrainingDataService::prepare(m_request, spec.value());
    if (!data.isOk())
        return data.status();
    if (isCancelled())
        return Status::cancelled();
    auto session = TrainingSession::create(spec.value(), data.value());
    if (!session.isOk())
        return Status::invalidInput("model spec: " + session.message());
    const TrainingData &prepared = data.value();
    TrainingSession &training = *session.value();

    Recording recording = startRecording(m_request, spec.value(), prepared);
    if (recording.recorder)
        training.addCallback(*recording.recorder);
    EpochEmitter epochs([this](const EpochStats &stats) { Q_EMIT epochFinished(runId(), stats); });
    training.addCallback(epochs);
    TrainProgressReporter reporter([this](const TrainBatchProgress &progress) { Q_EMIT batchProgress(runId(), progress); });
    training.addCallback(reporter);
    training.setProgressHook(reporter.hook());
    training.setCancellationToken(cancellationToken());

    const TrainStart start = describeStart(spec.value(), prepared, recording);
    Q_EMIT started(runId(), start);
    const TrainingOutcome outcome = training.run();
    reporter.flush();
    m_summary = summarize(outcome, prepared, recording);
    if (outcome.cancelled())
        return Status::cancelled();
    if (outcome.result.stopReason == StopReason::Failed)
        return outcome.result.status;
    return Status::ok();
}

void TrainJob::emitFinished()
{
    Q_EMIT finished(runId(), m_summary);
}

} // namespace loupe
