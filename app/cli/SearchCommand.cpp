#include "app/cli/SearchCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SearchReport.h"
#include "app/cli/SearchRun.h"
#include "app/cli/SearchSetup.h"
#include "app/cli/TrainingDataArguments.h"
#include "db/store/ConnectionSpec.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/StudySampler.h"
#include "db/studies/TrialRepository.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <limits>

namespace loupe::cli {

namespace {

struct SearchTarget {
    QString location;
    std::unique_ptr<QTemporaryDir> scratch; // --no-workspace without --storage
};

Result<SearchTarget> searchTarget(const ParsedArguments &arguments, CliContext &context)
{
    SearchTarget target;
    if (arguments.isSet(QStringLiteral("storage"))) {
        target.location = arguments.value(QStringLiteral("storage"));
        auto spec = ConnectionSpec::parse(target.location);
        if (!spec.isOk())
            return Status::invalidInput("option --storage: " + spec.message());
        if (spec.value().isInMemory())
            return Status::invalidInput("option --storage: an in-memory database cannot be shared by the search's "
                                        "threads; give a file or a postgresql:// URL");
    } else if (context.workspace().isEnabled()) {
        target.location = context.workspace().location();
    } else {
        target.scratch = std::make_unique<QTemporaryDir>();
        if (!target.scratch->isValid())
            return Status::ioError("could not create a temporary directory for the trials");
        target.location = target.scratch->filePath(QStringLiteral("search.sqlite"));
    }
    return target;
}

// Creates the study, or opens it for --resume; sets its budget to --max-evals when given.
Result<StudyRecord> prepareStudy(Store &store, const ParsedArguments &arguments, const SearchSetup &setup,
                                 const QString &name)
{
    const bool resume = arguments.isSet(QStringLiteral("resume"));
    StudyRepository studies(store);
    auto existing = studies.find(name);
    if (!existing.isOk())
        return existing.status();
    if (existing.value() && !resume) {
        auto counts = TrialRepository(store).counts(existing.value()->id);
        if (!counts.isOk())
            return counts.status();
        if (counts.value().maxNumber >= 0)
            return Status::invalidInput("study '" + toUtf8(name) + "' already exists in " + toUtf8(store.location())
                                        + " with " + std::to_string(counts.value().maxNumber + 1)
                                        + " trials; --resume continues it, --study names a new one");
    }
    if (!existing.value() && resume)
        return Status::invalidInput("option --resume: no study named '" + toUtf8(name) + "' in "
                                    + toUtf8(store.location()));
    StudyRecord wanted;
    wanted.name = name;
    wanted.spaceJson = setup.spaceJson();
    wanted.objectiveJson = setup.objectiveJson();
    wanted.sampler = arguments.value(QStringLiteral("algo"), QStringLiteral("tpe"));
    wanted.seed = arguments.intValue(QStringLiteral("seed"), 0);
    if (arguments.isSet(QStringLiteral("max-evals")))
        wanted.maxEvals = static_cast<int>(arguments.intValue(QStringLiteral("max-evals"), 0));
    auto study = studies.createOrOpen(wanted);
    if (!study.isOk())
        return study.status();
    StudyRecord record = study.takeValue();
    if (wanted.maxEvals && record.maxEvals != wanted.maxEvals) {
        if (Status set = studies.setMaxEvals(record.id, *wanted.maxEvals); !set.isOk())
            return set;
        record.maxEvals = wanted.maxEvals;
    }
    if (!record.maxEvals)
        return Status::invalidInput("study '" + toUtf8(name) + "' has no budget stored; give --max-evals N");
    return record;
}

Status checkArguments(const ParsedArguments &arguments)
{
    const QString algo = arguments.value(QStringLiteral("algo"), QStringLiteral("tpe"));
    if (!StudySampler::create(toUtf8(algo), 0).isOk())
        return Status::invalidInput("option --algo: '" + toUtf8(algo) + "' is not one of " + StudySampler::names());
    const bool resume = arguments.isSet(QStringLiteral("resume"));
    if (resume && !arguments.isSet(QStringLiteral("study")))
        return Status::invalidInput("option --resume needs --study NAME (the study to continue)");
    if (!resume && !arguments.isSet(QStringLiteral("max-evals")))
        return Status::invalidInput("option --max-evals N is required (the number of trials)");
    if (arguments.isSet(QStringLiteral("study")) && arguments.value(QStringLiteral("study")).trimmed().isEmpty())
        return Status::invalidInput("option --study: the name is empty");
    return Status::ok();
}

void printSummary(CliContext &context, const StudyRecord &study, const QString &location,
                  const SearchRunResult &result, const SearchSetup &setup)
{
    int complete = 0;
    int failed = 0;
    int abandoned = 0;
    for (const Trial &trial : result.trials) {
        complete += trial.state == TrialState::Complete;
        failed += trial.state == TrialState::Fail;
    }
    abandoned = result.summary.abandoned;
    std::ostream &out = context.out();
    out << "study '" << toUtf8(study.name) << "' in " << toUtf8(location) << ": " << complete << " COMPLETE, "
        << failed << " FAIL of " << *study.maxEvals << " (" << result.summary.trialsRun << " run now";
    if (abandoned > 0)
        out << ", " << abandoned << " interrupted";
    out << ")\n";
    if (result.best) {
        out << "best loss " << *result.best->loss << " at trial " << result.best->number << ": "
            << SearchReport::paramsText(*result.best, setup.space()) << '\n';
        out << "best indices " << result.best->params.indicesJson(setup.space()).dump() << '\n';
    } else {
        out << "no trial completed\n";
    }
    out.flush();
}

} // namespace

QString SearchCommand::summary() const
{
    return QStringLiteral("Search hyperparameters (TPE or random) of a model-spec template or a test function");
}

QString SearchCommand::description() const
{
    return QStringLiteral(
        "SPACE.json is a model spec whose values may be distributions, e.g. {\"choice\": [256, 512]} or\n"
        "{\"uniform\": [0, 0.5]} (see docs/search.md); each trial trains the instantiated spec on --data and\n"
        "scores it by --loss. --objective runs a built-in test function instead. Trials are stored as a study\n"
        "(--study NAME, default a new name per run) in the workspace or in --storage; --resume continues an\n"
        "interrupted study up to its budget (--max-evals counts COMPLETE and FAIL trials; trials of lost or\n"
        "interrupted workers are redone). --jobs N runs N trials at once in this process; `loupe-cli worker`\n"
        "processes may join the same study (docs/distributed-search.md). Ctrl-C stops: running trials end as\n"
        "FAIL \"interrupted\" and are redone on --resume.\n"
        "With --json: {\"best\": {\"number\", \"loss\", \"params\", \"indices\"}, \"trials\": [{\"number\", \"state\",\n"
        "\"params\", \"loss\", \"seconds\"}], \"suggest_ms_mean\", \"study\", \"storage\", \"status\", \"trials_run\"}.\n"
        "Exit 1 when interrupted or when no trial completed; 2 for bad usage, template, data or storage.");
}

void SearchCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("SPACE"),
                         QStringLiteral("a model-spec template (JSON with distributions); or use --objective"),
                         Requirement::Optional);
    SearchSetup::declareArguments(parser);
    parser.addTextOption(QStringLiteral("algo"), QStringLiteral("NAME"),
                         QStringLiteral("sampler: tpe (default), random, tpe-hyperopt (hyperopt's exact rules), "
                                        "tpe-optuna"));
    parser.addIntegerOption(QStringLiteral("max-evals"), QStringLiteral("N"),
                            QStringLiteral("the study's budget of trials (required unless --resume)"), 1, 10000000);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("the sampler's seed (default 0)"),
                            0, std::numeric_limits<std::int64_t>::max());
    parser.addIntegerOption(QStringLiteral("jobs"), QStringLiteral("N"),
                            QStringLiteral("trials evaluated at once in this process (default 1)"), 1, 256);
    parser.addTextOption(QStringLiteral("storage"), QStringLiteral("URL"),
                         QStringLiteral("where the trials live: a SQLite path, sqlite:///PATH or "
                                        "postgresql://user@host:port/db (default: the workspace)"));
    parser.addTextOption(QStringLiteral("study"), QStringLiteral("NAME"),
                         QStringLiteral("the study's name (default: the objective and the time)"));
    parser.addFlag(QStringLiteral("resume"), QStringLiteral("continue the study named by --study up to its budget"));
    parser.addFlag(QStringLiteral("create-only"),
                   QStringLiteral("only create the study (for `loupe-cli worker` processes to run)"));
    parser.addNumberOption(QStringLiteral("grace"), QStringLiteral("SECONDS"),
                           QStringLiteral("a RUNNING trial without heartbeat this long is lost and redone "
                                          "(default 10)"),
                           0.1, 86400.0);
}

ExitCode SearchCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    if (Status checked = checkArguments(arguments); !checked.isOk())
        return context.fail(checked);
    auto setup = SearchSetup::fromArguments(arguments);
    if (!setup.isOk())
        return context.fail(setup.status());
    if (const TrainingData *data = setup.value()->trainingData())
        TrainingDataArguments::reportPlan(context, *data);
    if (!setup.value()->adaptNote().empty())
        context.err() << "loupe-cli search: --adapt-spec: " << setup.value()->adaptNote() << '\n' << std::flush;
    auto target = searchTarget(arguments, context);
    if (!target.isOk())
        return context.fail(target.status());
    const QString location = target.value().location;
    const QString name = arguments.isSet(QStringLiteral("study"))
                             ? arguments.value(QStringLiteral("study"))
                             : setup.value()->label() + QLatin1Char('-')
                                   + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    StudyRecord study;
    QString display;
    {
        auto store = Store::open(location);
        if (!store.isOk())
            return context.fail(store.status());
        display = store.value()->location();
        context.noteInterruptedRuns(*store.value());
        auto prepared = prepareStudy(*store.value(), arguments, *setup.value(), name);
        if (!prepared.isOk())
            return context.fail(prepared.status());
        study = prepared.takeValue();
    }
    if (arguments.isSet(QStringLiteral("create-only"))) {
        if (context.isJson())
            context.printJson({{"study", toUtf8(study.name)}, {"storage", toUtf8(display)},
                               {"max_evals", *study.maxEvals}, {"sampler", toUtf8(study.sampler)}});
        else
            context.out() << "study '" << toUtf8(study.name) << "' ready in " << toUtf8(display) << " (budget "
                          << *study.maxEvals << " trials, sampler " << toUtf8(study.sampler) << ")\n" << std::flush;
        return ExitCode::Success;
    }
    if (!context.isJson()) {
        context.out() << "searching " << toUtf8(setup.value()->label()) << " (study '" << toUtf8(study.name)
                      << "', " << toUtf8(study.sampler) << ", budget " << *study.maxEvals << ") in "
                      << toUtf8(display) << '\n';
        if (!setup.value()->dataDescription().isEmpty())
            context.out() << "data: " << toUtf8(setup.value()->dataDescription()) << '\n';
        context.out().flush();
    }
    SearchRunOptions options = SearchRunOptions::fromArguments(arguments);
    auto result = runStudy(location, study, *setup.value(), options, context);
    if (!result.isOk())
        return context.fail(result.status());
    const StudyRunSummary &summary = result.value().summary;
    if (!summary.status.isOk() && !summary.status.isCancelled())
        return context.fail(summary.status);
    if (context.isJson()) {
        nlohmann::ordered_json json;
        json["best"] = SearchReport::bestJson(result.value().best, setup.value()->space());
        json["trials"] = SearchReport::trialsJson(result.value().trials, setup.value()->space(),
                                                  result.value().runIds);
        json["suggest_ms_mean"] = summary.suggestSecondsMean * 1000.0;
        json["study"] = toUtf8(study.name);
        json["storage"] = toUtf8(display);
        json["status"] = summary.status.isCancelled() ? "interrupted" : "completed";
        json["trials_run"] = summary.trialsRun;
        context.printJson(json);
    } else {
        printSummary(context, study, display, result.value(), *setup.value());
    }
    if (summary.status.isCancelled()) {
        context.err() << "loupe-cli search: interrupted; continue with --resume --study " << toUtf8(study.name)
                      << '\n' << std::flush;
        return ExitCode::Failures;
    }
    return result.value().best ? ExitCode::Success : ExitCode::Failures;
}

} // namespace loupe::cli
