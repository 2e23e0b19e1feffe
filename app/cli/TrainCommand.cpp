#include "app/cli/TrainCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "app/cli/FileChecks.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SpecAdaptation.h"
#include "app/cli/TrainingDataArguments.h"
#include "core/nn/WeightsFile.h"
#include "core/optim/LearningRateLimits.h"
#include "core/train/TrainingDataService.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingReport.h"
#include "core/train/TrainingSession.h"
#include "core/util/JsonReader.h"
#include "db/store/Store.h"
#include "db/runs/TrainRunRecorder.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <limits>
#include <sstream>

namespace loupe::cli {

namespace {

// Prints one line per finished epoch, as soon as it ends.
class EpochPrinter : public Callback {
public:
    EpochPrinter(std::ostream &out, int epochs, TaskKind task) : m_out(out), m_epochs(epochs), m_task(task) {}

    CallbackAction onEpochEnd(Trainer &, const EpochStats &stats) override
    {
        m_out << TrainingReport::epochLine(stats, m_epochs, m_task) << '\n';
        m_out.flush();
        return CallbackAction::Continue;
    }

private:
    std::ostream &m_out;
    int m_epochs;
    TaskKind m_task;
};

TrainingOverrides overridesFrom(const ParsedArguments &arguments)
{
    TrainingOverrides overrides;
    if (arguments.isSet(QStringLiteral("epochs")))
        overrides.epochs = static_cast<int>(arguments.intValue(QStringLiteral("epochs"), 1));
    if (arguments.isSet(QStringLiteral("batch-size")))
        overrides.batchSize = static_cast<int>(arguments.intValue(QStringLiteral("batch-size"), 1));
    if (arguments.isSet(QStringLiteral("seed")))
        overrides.seed = static_cast<std::uint64_t>(arguments.intValue(QStringLiteral("seed"), 0));
    if (arguments.isSet(QStringLiteral("learning-rate")))
        overrides.learningRate = arguments.doubleValue(QStringLiteral("learning-rate"), 0.0);
    return overrides;
}

// --schedule: a JSON file, inline JSON ('{"name": "cosine", "lr0": 0.01}') or a bare name with the
// schedule's defaults. Messages start with "option --schedule".
Result<ScheduleSpec> scheduleFrom(const QString &value)
{
    const QString text = value.trimmed();
    Result<ScheduleSpec> schedule = Status::invalidInput("no schedule");
    if (text.startsWith(QLatin1Char('{'))) {
        Result<nlohmann::json> inlineJson = JsonReader::parse(toUtf8(text), "option --schedule");
        if (!inlineJson.isOk())
            return inlineJson.status();
        schedule = ScheduleSpec::fromJson(inlineJson.value());
    } else if (scheduleKindFromName(text.toStdString())) {
        schedule = ScheduleSpec::parse(nlohmann::json{{"name", text.toStdString()}}.dump());
    } else {
        if (Status readable = checkReadableFile(text); !readable.isOk())
            return Status::invalidInput("option --schedule: '" + toUtf8(text) + "' is neither a schedule name ("
                                        + scheduleKindList() + "), inline JSON nor a readable file: "
                                        + readable.message());
        Result<nlohmann::json> document = JsonReader::parseFile(toNativePath(text));
        if (!document.isOk())
            return document.status();
        schedule = ScheduleSpec::fromJson(document.value());
        if (!schedule.isOk())
            return Status::invalidInput(toUtf8(text) + ": " + schedule.message());
        return schedule;
    }
    if (!schedule.isOk())
        return Status::invalidInput("option --schedule: " + schedule.message());
    return schedule;
}

Result<ModelSpec> readSpec(const QString &path, const ParsedArguments &arguments)
{
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    auto spec = ModelSpec::fromFile(toNativePath(path));
    if (!spec.isOk())
        return spec.status();
    TrainingOverrides overrides = overridesFrom(arguments);
    if (arguments.isSet(QStringLiteral("schedule"))) {
        auto schedule = scheduleFrom(arguments.value(QStringLiteral("schedule")));
        if (!schedule.isOk())
            return schedule.status();
        overrides.schedule = schedule.value();
    }
    if (Status applied = overrides.applyTo(spec.value()); !applied.isOk())
        return applied;
    return spec;
}

Result<std::unique_ptr<TrainRunRecorder>> startRecording(CliContext &context, const LoadedTrainingData &data,
                                                        const ModelSpec &spec)
{
    auto store = context.workspace().store();
    if (!store.isOk())
        return store.status();
    auto dataset = storeTrainDataset(*store.value(), data);
    if (!dataset.isOk())
        return dataset.status();
    // The stored config names the scaling the run used, whether it came from --scale, the spec or the default.
    const ModelSpec recorded = TrainingDataService::specAsTrained(spec, data.data);
    auto recorder = std::make_unique<TrainRunRecorder>(*store.value(), data.data.task);
    const std::string started = TrainingReport::startSummaryJson(data.data).dump(
        -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    auto run = recorder->begin(dataset.value(), QString::fromStdString(recorded.toJsonText()),
                               QString::fromStdString(started));
    if (!run.isOk())
        return run.status();
    return recorder;
}

void printResult(CliContext &context, const TrainingOutcome &outcome, const TrainingData &data, qint64 runId)
{
    std::ostream &out = context.out();
    char line[160];
    if (outcome.test && data.task == TaskKind::Classification) {
        std::snprintf(line, sizeof line, "test accuracy %.4f  test loss %.4f (%lld rows)", outcome.test->accuracy,
                      outcome.test->loss, static_cast<long long>(data.test.size()));
        out << line << '\n';
    } else if (outcome.test) {
        std::snprintf(line, sizeof line, "test loss %.6g (%lld rows)", outcome.test->loss,
                      static_cast<long long>(data.test.size()));
        out << line << '\n';
    } else if (outcome.succeeded()) {
        out << "no test rows\n";
    }
    if (outcome.metrics) {
        const ClassificationMetrics &metrics = *outcome.metrics;
        std::snprintf(line, sizeof line, "%s balanced accuracy %.4f", metrics.evaluatedOn.c_str(),
                      metrics.balancedAccuracy);
        out << line;
        if (metrics.prAuc) {
            std::snprintf(line, sizeof line, "  PR-AUC of '%s' %.4f", metrics.classes[1].label.c_str(), *metrics.prAuc);
            out << line;
        }
        out << "\n  recall per class:";
        for (const ClassScore &score : metrics.classes) {
            std::snprintf(line, sizeof line, " %s %.4f (%zu rows)", score.label.c_str(), score.recall(), score.rows);
            out << line;
        }
        out << '\n';
    }
    if (runId > 0)
        out << "recorded as run " << runId << " in " << toUtf8(context.workspace().displayLocation()) << '\n';
    out.flush();
}

// Trains with Ctrl-C / SIGTERM turned into a cancellation (the run then ends as cancelled).
TrainingOutcome trainInterruptibly(TrainingSession &session)
{
    CancellationToken token;
    session.setCancellationToken(&token);
    const InterruptGuard guard(token);
    TrainingOutcome outcome = session.run();
    session.setCancellationToken(nullptr);
    return outcome;
}

bool saveWeights(CliContext &context, const OutputTarget &target, TrainingSession &session,
                 nlohmann::ordered_json &summary)
{
    const Status saved = WeightsFile::save(target, session.model());
    summary["weights"] = saved.isOk() ? nlohmann::ordered_json(target.path) : nlohmann::ordered_json(nullptr);
    if (saved.isOk())
        return true;
    summary["weights_error"] = saved.message();
    context.warn(saved.message());
    return false;
}

// Ends the stored run; a storage problem is a warning (the training itself is reported as it went).
qint64 finishRecording(CliContext &context, TrainRunRecorder &recorder, const TrainingOutcome &outcome,
                       const nlohmann::ordered_json &summary)
{
    const QString error = outcome.result.status.isOk() ? QString()
                                                       : QString::fromStdString(outcome.result.status.message());
    const QString summaryText = QString::fromStdString(
        summary.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    const Status finished = recorder.finish(TrainRunRecorder::statusFor(outcome.result.stopReason),
                                            outcome.result.seconds, summaryText, error);
    if (!recorder.storageError().isOk())
        context.warn("some metrics were not recorded: " + recorder.storageError().message());
    if (!finished.isOk())
        context.warn("the run's end was not recorded: " + finished.message());
    return recorder.runId();
}

} // namespace

QString TrainCommand::summary() const
{
    return QStringLiteral("Train a model spec on Fashion-MNIST or a CSV file; report each epoch and the test accuracy");
}

QString TrainCommand::description() const
{
    return QStringLiteral(
        "Prints one line per epoch (loss, accuracy, val_loss, val_accuracy, lr, seconds), then the test accuracy.\n"
        "With --json: {\"epochs\":[{\"epoch\",\"loss\",\"accuracy\",\"val_loss\",\"val_accuracy\",\"lr\",\"seconds\"}],\n"
        "\"test_accuracy\", \"test_loss\", \"diverged\", \"status\", \"message\", \"run_id\", ...}.\n"
        "Fashion-MNIST: 60,000 training images split into training and validation, 10,000 test images.\n"
        "CSV: --target names the column to predict; numbers (and datetimes, as seconds) are scaled as --scale, the\n"
        "spec's \"scaling\" or by default standardized, fitted on the training rows only (stored under \"scaling\");\n"
        "text columns are one-hot encoded up to --max-levels values, a missing feature is an error\n"
        "unless --impute-missing. Rows are split (seeded by the spec's seed) into training, validation, test.\n"
        "--schedule (or the spec's \"schedule\") sets the learning rate per epoch or step; the lr column shows it.\n"
        "The run is stored in the workspace with its per-epoch and per-step metrics. Ctrl-C stops it; it is then\n"
        "stored as cancelled. Exit 1 when the run diverged (\"diverged at epoch E, step S, loss L\"), failed or was\n"
        "cancelled; exit 2 for a bad spec (message starts with the JSON path) or data that does not fit it.");
}

void TrainCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("SPEC"), QStringLiteral("the model spec (JSON, see docs/model-spec.md)"));
    TrainingDataArguments::declare(parser);
    SpecAdaptation::declare(parser);
    parser.addIntegerOption(QStringLiteral("epochs"), QStringLiteral("N"), QStringLiteral("override the spec's epochs"),
                            1, 1000000);
    parser.addIntegerOption(QStringLiteral("batch-size"), QStringLiteral("N"),
                            QStringLiteral("override the spec's batch_size"), 1, 1 << 24);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"),
                            QStringLiteral("override the spec's seed (initialization, shuffling, splits)"), 0,
                            std::numeric_limits<std::int64_t>::max());
    parser.addNumberOption(QStringLiteral("learning-rate"), QStringLiteral("X"),
                           QStringLiteral("override the optimizer's learning_rate"), 0.0, LearningRateLimits::maximum);
    parser.addTextOption(QStringLiteral("schedule"), QStringLiteral("FILE|JSON|NAME"),
                         QStringLiteral("learning-rate schedule replacing the spec's \"schedule\": a JSON file as "
                                        "docs/schedules.md, inline JSON, or a schedule name with its defaults"));
    parser.addTextOption(QStringLiteral("save-weights"), QStringLiteral("PATH"),
                         QStringLiteral("write the trained weights there (Loupe weights file) when training completes"));
}

ExitCode TrainCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString specPath = arguments.positional(0);
    auto spec = readSpec(specPath, arguments);
    if (!spec.isOk())
        return context.fail(spec.status());
    // --save-weights may not replace the spec, the data or a schedule file; weights hold no row of the
    // data and are meant to be deployed, so a new weights file is readable as the umask allows.
    const bool savesWeights = arguments.isSet(QStringLiteral("save-weights"));
    CommandOutputs outputs(context);
    outputs.addInput(specPath);
    for (const char *input : {"data", "schedule"})
        if (arguments.isSet(QLatin1String(input)))
            outputs.addInput(arguments.value(QLatin1String(input)));
    const OutputTarget weightsTarget = savesWeights
        ? outputs.addOutput(QStringLiteral("--save-weights"), arguments.value(QStringLiteral("save-weights")),
                            FileAccess::Shared)
        : OutputTarget{};
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    auto data = TrainingDataArguments::load(arguments, spec.value());
    if (!data.isOk())
        return context.fail(data.status());
    TrainingDataArguments::reportPlan(context, data.value().data);
    auto adapted = SpecAdaptation::apply(arguments, context, spec.value(), data.value());
    if (!adapted.isOk())
        return context.fail(adapted.status());
    spec.value() = adapted.takeValue();
    auto session = TrainingSession::create(spec.value(), data.value().data);
    if (!session.isOk())
        return context.fail(ExitCode::BadInput, toUtf8(specPath) + ": " + SpecAdaptation::withHint(session.message()));

    std::unique_ptr<TrainRunRecorder> recorder;
    if (context.workspace().isEnabled()) {
        auto started = startRecording(context, data.value(), spec.value());
        if (!started.isOk())
            return context.fail(ExitCode::BadInput, "could not record the run in the workspace: " + started.message()
                                                        + " (--no-workspace skips recording)");
        recorder = started.takeValue();
        session.value()->addCallback(*recorder);
    }
    const TrainingData &prepared = data.value().data;
    EpochPrinter printer(context.out(), spec.value().epochs, prepared.task);
    if (!context.isJson()) {
        context.out() << "training " << spec.value().name << " on " << prepared.source << ": "
                      << prepared.description() << '\n';
        if (prepared.encoding)
            context.out() << "scaling " << scalingMethodName(prepared.encoding->scaling) << ", fitted on the "
                          << prepared.train.size() << " training rows only\n";
        context.out().flush();
        session.value()->addCallback(printer);
    }
    const TrainingOutcome outcome = trainInterruptibly(*session.value());

    nlohmann::ordered_json summary = TrainingReport::summaryJson(outcome, prepared);
    ExitCode code = outcome.succeeded() ? ExitCode::Success : ExitCode::Failures;
    if (savesWeights && outcome.succeeded() && !saveWeights(context, weightsTarget, *session.value(), summary))
        code = ExitCode::BadInput;
    const qint64 runId = recorder ? finishRecording(context, *recorder, outcome, summary) : 0;
    if (outcome.cancelled())
        context.err() << "loupe-cli train: cancelled after " << outcome.result.epochsCompleted << " epoch(s)"
                      << (runId > 0 ? "; the run is stored as cancelled" : "") << '\n' << std::flush;
    else if (!outcome.succeeded())
        context.err() << "loupe-cli train: " << outcome.result.status.message() << '\n' << std::flush;
    if (context.isJson()) {
        summary["run_id"] = runId > 0 ? nlohmann::ordered_json(runId) : nlohmann::ordered_json(nullptr);
        summary["workspace"] = runId > 0 ? nlohmann::ordered_json(toUtf8(context.workspace().displayLocation()))
                                         : nlohmann::ordered_json(nullptr);
        context.printJson(summary);
    } else {
        printResult(context, outcome, prepared, runId);
    }
    return code;
}

} // namespace loupe::cli
