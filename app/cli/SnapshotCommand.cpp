#include "app/cli/SnapshotCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/LrRunRecorder.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SpecArgument.h"
#include "app/cli/ProgressLine.h"
#include "app/cli/TextTable.h"
#include "app/cli/TrainingDataArguments.h"
#include "core/lr/SnapshotEnsemble.h"
#include "core/lr/SnapshotReportJson.h"
#include "core/optim/LearningRateLimits.h"
#include "db/runs/SnapshotRunMetrics.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace loupe::cli {

namespace {

std::string percent(double value)
{
    if (!std::isfinite(value))
        return "-";
    char text[16];
    std::snprintf(text, sizeof text, "%.2f%%", 100.0 * value);
    return text;
}

void printText(std::ostream &out, const SnapshotReport &report)
{
    TextTable table;
    table.addRow({"", "iteration", "val acc", "test acc"});
    table.addSeparator();
    for (const SnapshotScore &snapshot : report.snapshots)
        table.addRow({"snapshot " + std::to_string(snapshot.index) + (snapshot.completeCycle ? "" : " (short)"),
                      std::to_string(snapshot.iteration), percent(snapshot.validation.accuracy),
                      percent(snapshot.test.accuracy)});
    if (report.chosenSize > 0)
        table.addRow({"ensemble of last " + std::to_string(report.chosenSize), "",
                      percent(report.ensembleValidation.accuracy), percent(report.ensembleTest.accuracy)});
    if (report.singleModelTest)
        table.addRow({"single model, one cosine", std::to_string(report.totalIterations),
                      percent(report.singleModelValidation->accuracy), percent(report.singleModelTest->accuracy)});
    table.print(out, 2);
    char line[160];
    std::snprintf(line, sizeof line, "lr0 %.4g, %lld steps per cycle, %lld steps, %.1f s", report.lr0,
                  static_cast<long long>(report.cycleLength), static_cast<long long>(report.totalIterations),
                  report.seconds);
    out << line << '\n';
}

// "cycles: ..." -> "option --cycles: ..."; other messages (about the data) stay as they are.
std::string asOption(const std::string &message)
{
    for (const char *option : {"cycles:", "epochs:", "lr0:"}) {
        if (message.rfind(option, 0) == 0)
            return "option --" + message;
    }
    return message;
}

RunStatus runStatus(const SnapshotReport &report)
{
    if (report.diverged)
        return RunStatus::Diverged;
    return report.status.isCancelled() ? RunStatus::Cancelled : RunStatus::Completed;
}

} // namespace

QString SnapshotCommand::summary() const
{
    return QStringLiteral("Train a snapshot ensemble (M cosine cycles in T epochs) and compare it with one model");
}

QString SnapshotCommand::description() const
{
    return QStringLiteral(
        "One run of T epochs whose rate follows M cosine cycles per step: lr = lr0/2 (cos(pi (i mod c)/c) + 1),\n"
        "c = ceil(steps / M); the weights are saved at each cycle's end. The ensemble averages the softmax of the\n"
        "last K snapshots, K chosen on the validation rows (never the test rows). A single model with one cosine\n"
        "over the same steps is trained for comparison (--no-single-model skips it). --lr0 defaults to the spec's\n"
        "learning_rate; --seed replaces the spec's seed. Pick M dividing T so every cycle is complete.\n"
        "With --json: {\"snapshots\":[...], \"ensemble\":{\"size\",\"test_accuracy\",...}, \"single_model\":{...},\n"
        "\"lr0\", \"cycle_length\", \"iterations\", \"seconds\", \"status\", \"run_id\"}.\n"
        "Exit 1 when training diverged or was cancelled.");
}

void SnapshotCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("SPEC"), QStringLiteral("the model spec (JSON, see docs/model-spec.md)"));
    TrainingDataArguments::declare(parser);
    parser.addIntegerOption(QStringLiteral("cycles"), QStringLiteral("M"), QStringLiteral("cosine cycles = snapshots"),
                            1, 1000)
        .required();
    parser.addIntegerOption(QStringLiteral("epochs"), QStringLiteral("T"), QStringLiteral("training budget in epochs"),
                            1, 100000)
        .required();
    parser.addNumberOption(QStringLiteral("lr0"), QStringLiteral("X"),
                           QStringLiteral("each cycle's starting rate (default: the spec's learning_rate)"),
                           LearningRateLimits::smallestPositive, LearningRateLimits::maximum);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("replaces the spec's seed"), 0,
                            std::numeric_limits<std::int64_t>::max());
    parser.addFlag(QStringLiteral("no-single-model"),
                   QStringLiteral("skip training the single-model comparison (halves the time)"));
}

ExitCode SnapshotCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    auto spec = SpecArgument::read(arguments, SpecArgument::Seed::FromSpec);
    if (!spec.isOk())
        return context.fail(spec.status());
    SnapshotOptions options;
    options.cycles = static_cast<int>(arguments.intValue(QStringLiteral("cycles"), options.cycles));
    options.epochs = static_cast<int>(arguments.intValue(QStringLiteral("epochs"), options.epochs));
    if (arguments.isSet(QStringLiteral("lr0")))
        options.lr0 = arguments.doubleValue(QStringLiteral("lr0"), 0.0);
    options.seed = static_cast<std::uint64_t>(arguments.intValue(QStringLiteral("seed"),
                                                                 static_cast<std::int64_t>(spec.value().seed)));
    options.baseline = arguments.isSet(QStringLiteral("no-single-model")) ? SingleModelBaseline::Skip
                                                                           : SingleModelBaseline::Train;
    spec.value().seed = options.seed;
    auto data = TrainingDataArguments::load(arguments, spec.value());
    if (!data.isOk())
        return context.fail(data.status());
    TrainingDataArguments::reportPlan(context, data.value().data);
    const TrainingData &prepared = data.value().data;
    if (Status status = SnapshotEnsemble::check(spec.value(), prepared, options); !status.isOk())
        return context.fail(ExitCode::BadInput, asOption(status.message()));
    auto recorder = LrRunRecorder::start(context, RunKind::Snapshot, data.value(),
                                         snapshotConfigJson(options, spec.value(), prepared));
    if (!recorder.isOk())
        return context.fail(recorder.status());
    if (!context.isJson()) {
        context.out() << "snapshot ensemble of " << spec.value().name << " on " << prepared.source << ": "
                      << prepared.description() << '\n' << std::flush;
    }

    CancellationToken token;
    Result<SnapshotReport> report = Status::cancelled();
    {
        const InterruptGuard guard(token);
        ProgressLine line(context.err(), "training");
        report = SnapshotEnsemble::run(spec.value(), prepared, options, &token,
                                       recorder.value().withHeartbeat(context.isJson() ? ProgressSink()
                                                                                       : line.sink()));
    }
    LrRunRecorder &run = recorder.value();
    if (!report.isOk()) {
        (void)run.finish(RunStatus::Failed, 0.0, nlohmann::ordered_json::object(), report.message());
        return context.fail(ExitCode::BadInput, toUtf8(arguments.positional(0)) + ": " + report.message());
    }
    nlohmann::ordered_json document = snapshotReportJson(report.value());
    if (Status stored = run.addEpochs(snapshotEpochMetrics(report.value())); !stored.isOk())
        context.warn("the snapshots were not recorded: " + stored.message());
    if (Status finished = run.finish(runStatus(report.value()), report.value().seconds, document,
                                     report.value().status.isOk() ? "" : report.value().status.message());
        !finished.isOk())
        context.warn("the run's end was not recorded: " + finished.message());
    if (!report.value().status.isOk())
        context.err() << "loupe-cli snapshot: " << report.value().status.message() << '\n' << std::flush;
    if (context.isJson()) {
        document["run_id"] = run.isRecording() ? nlohmann::ordered_json(run.id()) : nlohmann::ordered_json(nullptr);
        context.printJson(document);
    } else {
        printText(context.out(), report.value());
        if (run.isRecording())
            context.out() << "recorded as run " << run.id() << " in " << toUtf8(context.workspace().displayLocation()) << '\n';
        context.out().flush();
    }
    return report.value().status.isOk() ? ExitCode::Success : ExitCode::Failures;
}

} // namespace loupe::cli
