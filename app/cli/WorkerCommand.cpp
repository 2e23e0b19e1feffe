#include "app/cli/WorkerCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SearchReport.h"
#include "app/cli/SearchRun.h"
#include "app/cli/SearchSetup.h"
#include "db/studies/SqlTrialStore.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"

namespace loupe::cli {

namespace {

Result<StudyRecord> openStudy(const QString &location, const QString &name, const ParsedArguments &arguments,
                              CliContext &context, QString &display)
{
    auto store = Store::open(location);
    if (!store.isOk())
        return store.status();
    display = store.value()->location();
    context.noteInterruptedRuns(*store.value());
    StudyRepository studies(*store.value());
    auto found = studies.find(name);
    if (!found.isOk())
        return found.status();
    if (!found.value())
        return Status::invalidInput("option --study: no study named '" + toUtf8(name) + "' in " + toUtf8(display)
                                    + " (create it with loupe-cli search ... --create-only)");
    StudyRecord study = *found.value();
    if (arguments.isSet(QStringLiteral("max-evals"))) {
        const int wanted = static_cast<int>(arguments.intValue(QStringLiteral("max-evals"), 0));
        if (!study.maxEvals) {
            if (Status set = studies.setMaxEvals(study.id, wanted); !set.isOk())
                return set;
            study.maxEvals = wanted;
        } else if (*study.maxEvals != wanted) {
            context.warn("study '" + toUtf8(name) + "' keeps its stored budget of " + std::to_string(*study.maxEvals)
                         + " trials (--max-evals " + std::to_string(wanted) + " ignored)");
        }
    }
    if (!study.maxEvals)
        return Status::invalidInput("study '" + toUtf8(name) + "' has no budget stored; give --max-evals N");
    return study;
}

} // namespace

QString WorkerCommand::summary() const
{
    return QStringLiteral("Join a stored search study (e.g. on PostgreSQL) and evaluate its trials until the budget is used");
}

QString WorkerCommand::description() const
{
    return QStringLiteral(
        "Reads the study's space, objective, sampler and budget from the storage, then asks, evaluates and tells\n"
        "trials until the study holds --max-evals COMPLETE or FAIL trials. Every worker reserves trial numbers\n"
        "atomically and keeps a heartbeat on its running trials; a worker that dies leaves its trial RUNNING until\n"
        "another worker declares it lost after --grace seconds without heartbeat (FAIL \"worker lost ...\") and\n"
        "redoes it. Ctrl-C / SIGTERM: the running trials end as FAIL \"interrupted\". Training studies read their\n"
        "data from the paths stored with the study, which must exist on this machine.\n"
        "With --json: {\"study\", \"worker\", \"trials_run\", \"abandoned\", \"reaped\", \"best\", \"status\"}.");
}

void WorkerCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addTextOption(QStringLiteral("storage"), QStringLiteral("URL"),
                         QStringLiteral("the study's database: postgresql://user@host:port/db, or a SQLite path"))
        .required();
    parser.addTextOption(QStringLiteral("study"), QStringLiteral("NAME"), QStringLiteral("the study to work on"))
        .required();
    parser.addIntegerOption(QStringLiteral("max-evals"), QStringLiteral("N"),
                            QStringLiteral("the budget, if the study has none stored"), 1, 10000000);
    parser.addIntegerOption(QStringLiteral("jobs"), QStringLiteral("N"),
                            QStringLiteral("trials evaluated at once in this process (default 1)"), 1, 256);
    parser.addNumberOption(QStringLiteral("grace"), QStringLiteral("SECONDS"),
                           QStringLiteral("a RUNNING trial without heartbeat this long is lost and redone "
                                          "(default 10)"),
                           0.1, 86400.0);
}

ExitCode WorkerCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString location = arguments.value(QStringLiteral("storage"));
    QString display;
    auto study = openStudy(location, arguments.value(QStringLiteral("study")), arguments, context, display);
    if (!study.isOk())
        return context.fail(study.status());
    auto setup = SearchSetup::fromStudy(study.value());
    if (!setup.isOk())
        return context.fail(setup.status());
    SearchRunOptions options = SearchRunOptions::fromArguments(arguments);
    options.workerName = defaultWorkerName();
    options.perWorkerSeed = true;
    if (!context.isJson())
        context.out() << "worker " << toUtf8(options.workerName) << " on study '" << toUtf8(study.value().name)
                      << "' in " << toUtf8(display) << " (budget " << *study.value().maxEvals << ")" << std::endl;
    auto result = runStudy(location, study.value(), *setup.value(), options, context);
    if (!result.isOk())
        return context.fail(result.status());
    const StudyRunSummary &summary = result.value().summary;
    if (!summary.status.isOk() && !summary.status.isCancelled())
        return context.fail(summary.status);
    if (context.isJson()) {
        nlohmann::ordered_json json;
        json["study"] = toUtf8(study.value().name);
        json["worker"] = toUtf8(options.workerName);
        json["trials_run"] = summary.trialsRun;
        json["abandoned"] = summary.abandoned;
        json["reaped"] = summary.reaped;
        json["best"] = SearchReport::bestJson(result.value().best, setup.value()->space());
        json["status"] = summary.status.isCancelled() ? "interrupted" : "completed";
        context.printJson(json);
    } else {
        context.out() << "worker " << toUtf8(options.workerName) << ": " << summary.trialsRun << " trials run";
        if (summary.reaped > 0)
            context.out() << ", " << summary.reaped << " lost trials of other workers reaped";
        context.out() << '\n' << std::flush;
    }
    return summary.status.isCancelled() ? ExitCode::Failures : ExitCode::Success;
}

} // namespace loupe::cli
