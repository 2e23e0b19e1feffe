#include "jobs/SearchJob.h"

#include "core/util/JsonReader.h"
#include "db/store/StoredJson.h"

#include "core/data/IdxReader.h"
#include "core/search/Study.h"
#include "core/search/TestFunction.h"
#include "core/train/TrainingDataService.h"
#include "db/runs/FileFingerprint.h"
#include "db/studies/SqlTrialStore.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/StudyRunner.h"
#include "db/studies/StudySampler.h"
#include "db/studies/TrialRepository.h"
#include "db/studies/TrialRunRecorder.h"

#include <algorithm>
#include <iomanip>
#include <locale>
#include <memory>
#include <sstream>

namespace loupe {

namespace {


// What the job evaluates: the test function, or the template's space, its data and the objective.
struct SearchTarget {
    std::unique_ptr<TestFunction> function;
    SearchSpace space;
    TrainingData data;
    std::unique_ptr<TrainingObjective> training;
    QString spaceJson;
    QString objectiveJson;

    const SearchSpace &searchSpace() const { return function ? function->space() : space; }
    Objective &objective() { return function ? static_cast<Objective &>(*function) : *training; }
};

std::string numberText(double value)
{
    std::ostringstream text;
    text.imbue(std::locale::classic());
    text << std::setprecision(17) << value;
    return text.str();
}

// The CLI data options of a table loaded from a CSV with default CsvOptions, or null when the
// request uses something the CLI data options cannot say.
nlohmann::json tableDataOptions(const TrainRequest &data)
{
    if (data.tablePath.isEmpty())
        return nullptr;
    // The CLI's --exclude list turns the proposal off; a proposal with the user's exclusions on top cannot be said.
    if (!data.excluded.empty() && data.selection == ColumnSelection::Proposed)
        return nullptr;
    // Reject is the CLI's default only without the proposal.
    if (data.missing == MissingValues::Reject && data.selection == ColumnSelection::Proposed)
        return nullptr;
    nlohmann::json options{{"data", nlohmann::json::array({data.tablePath.toStdString()})},
                           {"target", nlohmann::json::array({data.target})}};
    if (!data.excluded.empty())
        options["exclude"] = data.excluded;
    if (!data.kept.empty())
        options["keep"] = data.kept;
    if (data.selection == ColumnSelection::AsGiven && data.excluded.empty())
        options["no-auto-ignore"] = nlohmann::json::array({""});
    if (data.missing == MissingValues::Impute)
        options["impute-missing"] = nlohmann::json::array({""});
    if (data.maxFeatureLevels != TrainingDataRequest().maxFeatureLevels)
        options["max-levels"] = nlohmann::json::array({std::to_string(data.maxFeatureLevels)});
    if (data.task != TargetTask::Auto)
        options["task"] = nlohmann::json::array({data.task == TargetTask::Classification ? "classification"
                                                                                        : "regression"});
    if (data.scaling)
        options["scale"] = nlohmann::json::array({scalingMethodName(*data.scaling)});
    if (data.validationFraction)
        options["validation-fraction"] = nlohmann::json::array({numberText(*data.validationFraction)});
    options["test-fraction"] = nlohmann::json::array({numberText(data.testFraction)});
    return options;
}

// The data options `loupe-cli worker` rebuilds the same data from (as `search --data` stores them),
// or null when it cannot: Fashion-MNIST from the default folder can be read anywhere it is
// installed, and a CSV the Data page loaded (default CsvOptions) wherever the file is at the same
// path; an in-memory table or another Fashion-MNIST folder cannot.
nlohmann::json workerDataOptions(const TrainRequest &data)
{
    if (data.source == TrainRequest::Source::Table)
        return tableDataOptions(data);
    if (!data.fashionMnistDirectory.empty() && data.fashionMnistDirectory != defaultFashionMnistDir())
        return nullptr;
    nlohmann::json options{{"data", nlohmann::json::array({"fashion-mnist"})}};
    if (data.imageLimit > 0)
        options["limit"] = nlohmann::json::array({std::to_string(data.imageLimit)});
    if (data.validationFraction)
        options["validation-fraction"] = nlohmann::json::array({numberText(*data.validationFraction)});
    return options;
}

Result<std::unique_ptr<SearchTarget>> makeTarget(const SearchRequest &request)
{
    auto target = std::make_unique<SearchTarget>();
    if (request.kind == SearchRequest::Kind::TestFunction) {
        auto function = TestFunction::create(request.testFunction.toStdString());
        if (!function.isOk())
            return function.status();
        target->function = function.takeValue();
        target->spaceJson = storedJson(target->function->space().describe());
        target->objectiveJson = storedJson(nlohmann::json{{"objective", request.testFunction.toStdString()}});
        return target;
    }
    Result<nlohmann::json> parsedTemplate = JsonReader::parse(request.templateJson.toStdString(), "search template");
    if (!parsedTemplate.isOk())
        return parsedTemplate.status();
    const nlohmann::json &templateJson = parsedTemplate.value();
    auto space = SearchSpace::fromTemplate(templateJson);
    if (!space.isOk())
        return Status::invalidInput("search template: " + space.message());
    if (space.value().size() == 0)
        return Status::invalidInput("search template: it holds no distribution to search");
    target->space = space.takeValue();
    auto reference = TrainingObjective::referenceSpec(target->space);
    if (!reference.isOk())
        return reference.status();
    auto data = TrainingDataService::prepare(request.data, reference.value());
    if (!data.isOk())
        return data.status();
    target->data = data.takeValue();
    target->training = std::make_unique<TrainingObjective>(target->space, target->data, request.loss);
    target->spaceJson = storedJson(templateJson);
    nlohmann::json objective{{"objective", "training"},
                             {"loss", trainingLossName(request.loss)},
                             {"source", "gui"},
                             {"data_description", target->data.description()}};
    if (target->data.featurePlan)
        objective["feature_plan"] = nlohmann::json(target->data.featurePlan->toJson());
    if (nlohmann::json data = workerDataOptions(request.data); !data.is_null()) {
        // As search --data stores it: a worker refuses a CSV whose content changed since.
        if (request.data.source == TrainRequest::Source::Table) {
            auto fingerprint = FileFingerprint::ofFile(request.data.tablePath);
            if (fingerprint.isOk())
                objective["data_hash"] = fingerprint.value().contentHash.toStdString();
            else
                data = nullptr; // the file is gone: no worker could read it either
        }
        if (!data.is_null())
            objective["data"] = data;
    }
    target->objectiveJson = storedJson(objective);
    return target;
}

Result<StudyRecord> openStudy(const SearchRequest &request, const SearchTarget &target, QString &display)
{
    auto store = Store::open(request.storage);
    if (!store.isOk())
        return store.status();
    display = store.value()->location();
    StudyRepository studies(*store.value());
    auto existing = studies.find(request.studyName);
    if (!existing.isOk())
        return existing.status();
    if (existing.value() && !request.resume) {
        auto counts = TrialRepository(*store.value()).counts(existing.value()->id);
        if (!counts.isOk())
            return counts.status();
        if (counts.value().maxNumber >= 0)
            return Status::invalidInput("study '" + request.studyName.toStdString()
                                        + "' already has trials; resume it or choose another name");
    }
    StudyRecord wanted;
    wanted.name = request.studyName;
    wanted.spaceJson = target.spaceJson;
    wanted.objectiveJson = target.objectiveJson;
    wanted.sampler = request.sampler;
    wanted.seed = request.seed;
    wanted.maxEvals = request.maxEvals;
    auto study = studies.createOrOpen(wanted);
    if (!study.isOk())
        return study.status();
    StudyRecord record = study.takeValue();
    if (record.maxEvals != wanted.maxEvals) {
        if (Status set = studies.setMaxEvals(record.id, request.maxEvals); !set.isOk())
            return set;
        record.maxEvals = request.maxEvals;
    }
    return record;
}

} // namespace

void registerSearchMetaTypes()
{
    qRegisterMetaType<SearchTrialRow>();
    qRegisterMetaType<SearchStart>();
    qRegisterMetaType<SearchSummary>();
}

SearchJob::SearchJob(SearchRequest request, QObject *parent) : Job(parent), m_request(std::move(request))
{
    registerSearchMetaTypes();
}

SearchTrialRow SearchJob::rowOf(const Trial &trial, const SearchSpace &space)
{
    SearchTrialRow row;
    row.number = trial.number;
    const std::string_view state = trialStateName(trial.state);
    row.state = QString::fromLatin1(state.data(), qsizetype(state.size()));
    if (trial.loss)
        row.loss = *trial.loss;
    row.seconds = trial.seconds;
    row.error = QString::fromStdString(trial.error);
    row.paramsJson = storedJson(trial.params.valuesJson(space));
    row.indicesJson = storedJson(trial.params.indicesJson(space));
    return row;
}

Status SearchJob::execute()
{
    if (m_request.studyName.trimmed().isEmpty())
        return Status::invalidInput("the study needs a name");
    if (m_request.storage.isEmpty())
        return Status::invalidInput("no storage for the trials (a workspace or database location)");
    reportProgress(0.0, QStringLiteral("preparing the search"));
    auto target = makeTarget(m_request);
    if (!target.isOk())
        return target.status();
    const SearchSpace &space = target.value()->searchSpace();
    QString display;
    auto study = openStudy(m_request, *target.value(), display);
    if (!study.isOk())
        return study.status();
    auto sampler = StudySampler::create(study.value().sampler.toStdString(),
                                        static_cast<std::uint64_t>(study.value().seed.value_or(0)));
    if (!sampler.isOk())
        return sampler.status();

    const std::chrono::milliseconds grace(static_cast<std::int64_t>(m_request.graceSeconds * 1000.0));
    SqlTrialStore store(m_request.storage, study.value().id, space, defaultWorkerName(),
                        TrialHeartbeat::intervalForGrace(grace));
    SearchStart start;
    start.studyName = study.value().name;
    start.storage = display;
    start.spaceJson = storedJson(space.describe());
    for (const SearchParameter &parameter : space.parameters())
        start.parameterNames << QString::fromStdString(parameter.name);
    start.maxEvals = *study.value().maxEvals;
    start.dataDescription = QString::fromStdString(target.value()->function ? std::string()
                                                                            : target.value()->data.description());
    auto before = store.trials();
    if (!before.isOk())
        return before.status();
    for (const Trial &trial : before.value())
        start.existingTrials.push_back(rowOf(trial, space));
    Q_EMIT started(runId(), start);

    StudyOptions options;
    options.maxTrials = *study.value().maxEvals;
    options.jobs = m_request.jobs;
    Study core(space, *sampler.value(), store, options);
    StudyRunOptions runOptions;
    runOptions.maxTrials = options.maxTrials;
    runOptions.jobs = m_request.jobs;
    runOptions.grace = grace;
    StudyRunner runner(core, store, runOptions);
    // Training searches: each trial's training becomes a 'train' run linked to the trial.
    std::unique_ptr<TrialRunRecorder> recorder;
    if (target.value()->training)
        recorder = std::make_unique<TrialRunRecorder>(*target.value()->training, store, target.value()->data);
    int done = static_cast<int>(before.value().size());
    const StudyRunSummary summary =
        runner.run(target.value()->objective(), *cancellationToken(), [&](const Trial &trial) {
            Q_EMIT trialFinished(runId(), rowOf(trial, space));
            reportProgress(std::min(1.0, double(++done) / std::max(1, options.maxTrials)),
                           QStringLiteral("trial %1").arg(trial.number));
        });
    recorder.reset();
    if (!summary.status.isOk())
        return summary.status; // Cancelled or the store failure
    auto after = store.trials();
    if (!after.isOk())
        return after.status();
    m_summary.status = QStringLiteral("completed");
    m_summary.trialsRun = summary.trialsRun;
    m_summary.abandoned = summary.abandoned;
    m_summary.suggestMsMean = summary.suggestSecondsMean * 1000.0;
    for (const Trial &trial : after.value())
        m_summary.trials.push_back(rowOf(trial, space));
    if (const std::optional<Trial> best = Study::bestOf(after.value()))
        m_summary.bestNumber = best->number;
    return Status::ok();
}

void SearchJob::emitFinished()
{
    Q_EMIT finished(runId(), m_summary);
}

} // namespace loupe
