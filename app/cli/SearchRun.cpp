#include "app/cli/SearchRun.h"

#include "app/cli/ParsedArguments.h"

#include "app/cli/CliContext.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/SearchReport.h"
#include "app/cli/SearchSetup.h"
#include "db/studies/SqlTrialStore.h"
#include "db/studies/StudySampler.h"
#include "db/studies/TrialRunRecorder.h"

#include <algorithm>
#include <memory>

namespace loupe::cli {

Result<SearchRunResult> runStudy(const QString &location, const StudyRecord &study, SearchSetup &setup,
                                 const SearchRunOptions &options, CliContext &context)
{
    Q_ASSERT(study.maxEvals.has_value());
    const QString worker = options.workerName.isEmpty() ? defaultWorkerName() : options.workerName;
    const std::uint64_t studySeed = static_cast<std::uint64_t>(study.seed.value_or(0));
    const std::uint64_t seed = options.perWorkerSeed ? StudySampler::workerSeed(studySeed, worker) : studySeed;
    auto sampler = StudySampler::create(toUtf8(study.sampler), seed);
    if (!sampler.isOk())
        return Status::invalidInput("study '" + toUtf8(study.name) + "': " + sampler.message());

    SqlTrialStore store(location, study.id, setup.space(), worker, TrialHeartbeat::intervalForGrace(options.grace));
    StudyOptions studyOptions;
    studyOptions.maxTrials = *study.maxEvals;
    studyOptions.budgetRule = BudgetRule::AllTrials;
    studyOptions.jobs = options.jobs;
    Study core(setup.space(), *sampler.value(), store, studyOptions);
    StudyRunOptions runOptions;
    runOptions.maxTrials = *study.maxEvals;
    runOptions.jobs = options.jobs;
    runOptions.grace = options.grace;
    StudyRunner runner(core, store, runOptions);

    std::optional<Trial> best;
    if (auto before = store.trials(); before.isOk())
        best = Study::bestOf(before.value());
    const bool printTrials = !context.isJson();
    auto onTrial = [&](const Trial &trial) {
        if (trial.state == TrialState::Complete && trial.loss && (!best || *trial.loss < *best->loss))
            best = trial;
        if (printTrials)
            context.out() << SearchReport::trialLine(trial, setup.space(), best) << std::endl;
    };

    std::unique_ptr<TrialRunRecorder> recorder;
    if (setup.trainingObjective() && setup.trainingData())
        recorder = std::make_unique<TrialRunRecorder>(*setup.trainingObjective(), store, *setup.trainingData());

    CancellationToken token;
    SearchRunResult result;
    {
        const InterruptGuard guard(token);
        result.summary = runner.run(setup.objective(), token, onTrial);
    }
    if (recorder) {
        if (const Status recorded = recorder->firstError(); !recorded.isOk())
            context.warn("some trials' training runs were not stored: " + recorded.message());
        recorder.reset();
    }
    auto records = store.records();
    if (!records.isOk())
        return records.status();
    std::vector<Trial> trials;
    trials.reserve(records.value().size());
    for (const TrialRecord &record : records.value()) {
        auto trial = toTrial(record, setup.space());
        if (!trial.isOk())
            return trial.status();
        trials.push_back(trial.takeValue());
        if (record.runId)
            result.runIds[record.number] = *record.runId;
    }
    result.trials = std::move(trials);
    result.best = Study::bestOf(result.trials);
    if (const Status heartbeat = store.heartbeatError(); !heartbeat.isOk())
        context.warn("some heartbeats were not written: " + heartbeat.message());
    return result;
}

SearchRunOptions SearchRunOptions::fromArguments(const ParsedArguments &arguments)
{
    SearchRunOptions options;
    options.jobs = static_cast<int>(arguments.intValue(QStringLiteral("jobs"), 1));
    options.grace = std::chrono::milliseconds(
        static_cast<std::int64_t>(arguments.doubleValue(QStringLiteral("grace"), 10.0) * 1000.0));
    return options;
}

} // namespace loupe::cli
