#include "core/lr/SnapshotEnsemble.h"

#include "core/lr/EnsembleAverage.h"
#include "core/lr/ScheduleAdapter.h"
#include "core/optim/CosineAnnealSchedule.h"
#include "core/optim/LearningRateLimits.h"
#include "core/train/TrainingSession.h"
#include "core/util/NumberText.h"
#include "core/util/Timer.h"

#include <cmath>
#include <limits>

namespace loupe {

namespace {

constexpr double s_missing = std::numeric_limits<double>::quiet_NaN();

// Saves the model's weights at the end of every cycle and at the end of the run.
class SnapshotTaker : public Callback {
public:
    SnapshotTaker(Sequential &model, std::int64_t cycleLength, std::int64_t total)
        : m_model(model), m_cycleLength(cycleLength), m_total(total) {}

    CallbackAction onBatchEnd(Trainer &, const BatchStats &stats) override
    {
        const std::int64_t done = stats.globalStep + 1;
        if (std::isfinite(stats.loss) && (done % m_cycleLength == 0 || done == m_total)) {
            weights.push_back(m_model.weights());
            iterations.push_back(done);
            complete.push_back(done % m_cycleLength == 0);
        }
        return CallbackAction::Continue;
    }

    std::vector<std::vector<Matrix>> weights;
    std::vector<std::int64_t> iterations;
    std::vector<bool> complete;

private:
    Sequential &m_model;
    std::int64_t m_cycleLength;
    std::int64_t m_total;
};

struct Probabilities {
    Matrix validation;
    Matrix test; // 0 rows without test data
};

Evaluation score(const Matrix &probabilities, const TrainingSet &rows)
{
    if (rows.size() == 0)
        return Evaluation{s_missing, s_missing};
    return Evaluation{EnsembleAverage::logLoss(probabilities, rows.targets()),
                      EnsembleAverage::accuracy(probabilities, rows.targets())};
}

Probabilities predict(Sequential &model, const TrainingData &data)
{
    Probabilities out;
    out.validation = model.predict(data.validation.features());
    if (data.test.size() > 0)
        out.test = model.predict(data.test.features());
    return out;
}

// Trains the session's fresh model with a per-step schedule; progress maps to [from, from + span).
TrainResult trainWith(TrainingSession &session, const TrainingData &data, std::shared_ptr<const Schedule> schedule,
                      Callback *extra, const CancellationToken *token, const ProgressSink &sink, double from,
                      double span)
{
    Trainer &trainer = session.trainer();
    trainer.setValidationData(nullptr); // every snapshot is scored afterwards
    LearningRateScheduler scheduler = ScheduleAdapter::perStep(std::move(schedule));
    trainer.addCallback(scheduler);
    if (extra)
        trainer.addCallback(*extra);
    trainer.setCancellationToken(token);
    if (sink) {
        trainer.setProgressHook([&sink, from, span](const TrainProgress &progress) {
            return sink(Progress{from + span * progress.fraction, "snapshot ensemble"});
        });
    }
    TrainResult result = trainer.fit(data.train);
    trainer.clearCallbacks();
    trainer.setProgressHook({});
    return result;
}

void chooseEnsemble(const std::vector<Probabilities> &members, const TrainingData &data, SnapshotReport &report)
{
    std::vector<Matrix> validation;
    std::vector<Matrix> test;
    for (const Probabilities &member : members) {
        validation.push_back(member.validation);
        test.push_back(member.test);
    }
    const std::size_t n = members.size();
    for (std::size_t k = 1; k <= n; ++k) {
        EnsembleCandidate candidate;
        candidate.size = static_cast<int>(k);
        candidate.validation = score(EnsembleAverage::mean(validation, n - k, k), data.validation);
        report.candidates.push_back(candidate);
        const EnsembleCandidate &best = report.candidates[static_cast<std::size_t>(std::max(report.chosenSize, 1)) - 1];
        const bool better = candidate.validation.accuracy > best.validation.accuracy
                            || (candidate.validation.accuracy == best.validation.accuracy
                                && candidate.validation.loss < best.validation.loss);
        if (report.chosenSize == 0 || better)
            report.chosenSize = candidate.size;
    }
    const auto k = static_cast<std::size_t>(report.chosenSize);
    report.ensembleValidation = report.candidates[k - 1].validation;
    report.ensembleTest = data.test.size() > 0 ? score(EnsembleAverage::mean(test, n - k, k), data.test)
                                               : Evaluation{s_missing, s_missing};
}

Status checkData(const TrainingData &data)
{
    if (data.task != TaskKind::Classification)
        return Status::invalidInput("target: snapshot ensembles average class probabilities, but the target is a "
                                    "number (regression)");
    if (data.validation.size() == 0)
        return Status::invalidInput("validation: the ensemble size is chosen on validation rows and the data has "
                                    "none (use a validation fraction > 0)");
    return Status::ok();
}

void trainSingleModel(const ModelSpec &spec, const TrainingData &data, double lr0, std::int64_t total,
                      const CancellationToken *token, const ProgressSink &sink, SnapshotReport &report)
{
    auto session = TrainingSession::create(spec, data);
    if (!session.isOk()) {
        report.singleModelStatus = session.status();
        return;
    }
    auto cosine = std::make_shared<CosineAnnealSchedule>(lr0, static_cast<double>(total), CosineCycle::Clamp);
    const TrainResult fitted = trainWith(*session.value(), data, std::move(cosine), nullptr, token, sink, 0.5, 0.5);
    if (!fitted.status.isOk()) {
        report.singleModelStatus = fitted.status;
        if (fitted.stopReason == StopReason::Cancelled)
            report.status = Status::cancelled();
        return;
    }
    const Probabilities single = predict(session.value()->model(), data);
    report.singleModelValidation = score(single.validation, data.validation);
    report.singleModelTest = score(single.test, data.test);
}

} // namespace

Status SnapshotEnsemble::validate(const SnapshotOptions &options)
{
    if (options.cycles < 1)
        return Status::invalidInput("cycles: expected an integer >= 1, got " + std::to_string(options.cycles));
    if (options.epochs < 1)
        return Status::invalidInput("epochs: expected an integer >= 1, got " + std::to_string(options.epochs));
    if (options.lr0 && !LearningRateLimits::isAllowedPositive(*options.lr0))
        return Status::invalidInput("lr0: expected " + LearningRateLimits::allowedPositiveText() + ", got "
                                    + numberText("%g", *options.lr0));
    return Status::ok();
}

Status SnapshotEnsemble::check(const ModelSpec &spec, const TrainingData &data, const SnapshotOptions &options)
{
    if (Status status = validate(options); !status.isOk())
        return status;
    if (Status status = checkData(data); !status.isOk())
        return status;
    const std::int64_t stepsPerEpoch = (data.train.size() + spec.batchSize - 1) / spec.batchSize;
    const std::int64_t total = stepsPerEpoch * options.epochs;
    if (total < options.cycles)
        return Status::invalidInput("cycles: " + std::to_string(options.cycles) + " cycles need at least as many "
                                    "training steps, but " + std::to_string(options.epochs) + " epochs give "
                                    + std::to_string(total));
    return Status::ok();
}

Result<SnapshotReport> SnapshotEnsemble::run(const ModelSpec &spec, const TrainingData &data,
                                             const SnapshotOptions &options, const CancellationToken *token,
                                             const ProgressSink &sink)
{
    const Timer timer;
    if (Status status = check(spec, data, options); !status.isOk())
        return status;
    ModelSpec seeded = spec;
    seeded.seed = options.seed;
    seeded.epochs = options.epochs;
    auto session = TrainingSession::create(seeded, data);
    if (!session.isOk())
        return session.status();

    SnapshotReport report;
    const int batch = session.value()->trainer().batchSize();
    report.stepsPerEpoch = static_cast<int>((data.train.size() + batch - 1) / batch);
    report.totalIterations = static_cast<std::int64_t>(report.stepsPerEpoch) * options.epochs;
    report.cycleLength = (report.totalIterations + options.cycles - 1) / options.cycles;
    report.lr0 = options.lr0 ? *options.lr0 : static_cast<double>(spec.optimizer.learningRate());

    const double span = options.baseline == SingleModelBaseline::Train ? 0.5 : 1.0;
    auto cyclic = std::make_shared<CosineAnnealSchedule>(report.lr0, static_cast<double>(report.cycleLength),
                                                         CosineCycle::Restart);
    SnapshotTaker taker(session.value()->model(), report.cycleLength, report.totalIterations);
    const TrainResult fitted = trainWith(*session.value(), data, std::move(cyclic), &taker, token, sink, 0.0, span);
    if (fitted.stopReason == StopReason::Failed)
        return fitted.status;
    report.status = fitted.status;
    report.diverged = fitted.stopReason == StopReason::Diverged;
    if (fitted.status.isOk() && !taker.weights.empty()) {
        std::vector<Probabilities> members;
        Sequential &model = session.value()->model();
        for (std::size_t i = 0; i < taker.weights.size(); ++i) {
            (void)model.setWeights(taker.weights[i]);
            members.push_back(predict(model, data));
            SnapshotScore snapshot;
            snapshot.index = static_cast<int>(i + 1);
            snapshot.iteration = taker.iterations[i];
            snapshot.completeCycle = taker.complete[i];
            snapshot.validation = score(members.back().validation, data.validation);
            snapshot.test = score(members.back().test, data.test);
            report.snapshots.push_back(snapshot);
        }
        chooseEnsemble(members, data, report);
        if (options.baseline == SingleModelBaseline::Train)
            trainSingleModel(seeded, data, report.lr0, report.totalIterations, token, sink, report);
    }
    report.seconds = timer.seconds();
    return report;
}

} // namespace loupe
