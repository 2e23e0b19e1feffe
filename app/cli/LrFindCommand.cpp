#include "app/cli/LrFindCommand.h"

#include "app/cli/CliText.h"
#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/LrRunRecorder.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SpecArgument.h"
#include "app/cli/ProgressLine.h"
#include "app/cli/TextTable.h"
#include "app/cli/SpecAdaptation.h"
#include "app/cli/TrainingDataArguments.h"
#include "core/lr/LrFindRunJson.h"

#include <cmath>
#include <cstdio>
#include <vector>
#include <limits>

namespace loupe::cli {

namespace {

// "start: expected ..." -> "option --start: expected ..." ("iterations" is --steps).
Status asOption(const Status &status)
{
    std::string message = status.message();
    const std::size_t colon = message.find(':');
    std::string key = message.substr(0, colon);
    if (key == "iterations")
        key = "steps";
    return usageError("option --" + key + message.substr(colon));
}

Result<LrFindSettings> settingsFrom(const ParsedArguments &arguments, std::uint64_t seed)
{
    LrFindSettings settings;
    const QString mode = arguments.value(QStringLiteral("mode"));
    if (mode != QLatin1String("range") && mode != QLatin1String("onepass"))
        return usageError("option --mode: '" + mode.toStdString() + "' is not one of range, onepass");
    settings.mode = mode == QLatin1String("range") ? LrFindMode::Range : LrFindMode::OnePass;
    const std::vector<const char *> otherModes = settings.mode == LrFindMode::Range
                                                     ? std::vector<const char *>{"end"}
                                                     : std::vector<const char *>{"factor", "fraction", "epochs"};
    for (const char *option : otherModes) {
        if (arguments.isSet(QLatin1String(option)))
            return usageError(std::string("option --") + option + " does not apply to --mode " + mode.toStdString());
    }

    if (settings.mode == LrFindMode::Range) {
        RangeTestOptions &range = settings.range;
        range.start = arguments.doubleValue(QStringLiteral("start"), range.start);
        range.factor = arguments.doubleValue(QStringLiteral("factor"), range.factor);
        const std::int64_t steps = arguments.intValue(QStringLiteral("steps"), range.steps);
        if (steps > 10000)
            return usageError("option --steps: expected at most 10000 rates for --mode range, got " + std::to_string(steps));
        range.steps = static_cast<int>(steps);
        range.fraction = arguments.doubleValue(QStringLiteral("fraction"), range.fraction);
        range.epochs = static_cast<int>(arguments.intValue(QStringLiteral("epochs"), range.epochs));
        range.seed = seed;
        if (Status status = RangeTest::validate(range); !status.isOk())
            return asOption(status);
    } else {
        OnePassOptions &onePass = settings.onePass;
        onePass.start = arguments.doubleValue(QStringLiteral("start"), onePass.start);
        onePass.end = arguments.doubleValue(QStringLiteral("end"), onePass.end);
        onePass.iterations = arguments.intValue(QStringLiteral("steps"), onePass.iterations);
        onePass.seed = seed;
        if (Status status = OnePassFinder::validate(onePass); !status.isOk())
            return asOption(status);
    }
    return settings;
}

std::string rateText(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4g", value);
    return text;
}

void printText(std::ostream &out, const LrFindResult &result)
{
    TextTable table;
    table.addRow({"lr", "loss", ""});
    table.addSeparator();
    for (const LrPoint &point : result.points)
        table.addRow({rateText(point.learningRate), std::isfinite(point.loss) ? rateText(point.loss) : "-",
                      point.diverged ? "diverged" : ""});
    table.print(out, 2);
    const LrSuggestions &s = result.suggestions;
    if (s.recommended) {
        out << "recommended learning rate " << rateText(*s.recommended)
            << (s.method == "minimum" ? " (the lowest loss's rate / 10)\n" : " (the rate of the lowest loss)\n");
    } else {
        out << "no learning rate to recommend: the loss never fell (flat, rising or diverged from the start)\n";
    }
    if (s.lossMinimumRate)
        out << "  lowest loss at " << rateText(*s.lossMinimumRate) << "; minimum/10 " << rateText(*s.minimum) << '\n';
    if (s.steep)
        out << "  steepest descent at " << rateText(*s.steep) << '\n';
    if (s.valley)
        out << "  valley " << rateText(*s.valley) << '\n';
    out << "took " << rateText(result.seconds) << " s\n";
}

std::vector<StepMetric> stepsOf(const LrFindResult &result)
{
    std::vector<StepMetric> steps;
    for (std::size_t i = 0; i < result.points.size(); ++i)
        steps.push_back(StepMetric{static_cast<qint64>(i + 1), result.points[i].loss, result.points[i].learningRate});
    return steps;
}

Result<LrFindResult> search(const LrFindSettings &settings, const ModelSpec &spec, const TrainingData &data,
                            CliContext &context, const LrRunRecorder &run)
{
    CancellationToken token;
    const InterruptGuard guard(token);
    ProgressLine line(context.err(), "searching");
    const ProgressSink sink = run.withHeartbeat(context.isJson() ? ProgressSink() : line.sink());
    if (settings.mode == LrFindMode::Range)
        return RangeTest(settings.range).train(spec, data, &token, sink);
    OnePassFinder finder(settings.onePass);
    return finder.train(spec, data, &token, sink);
}

} // namespace

QString LrFindCommand::summary() const
{
    return QStringLiteral("Find a learning rate: the chapter's range test or fastai's one-pass finder");
}

QString LrFindCommand::description() const
{
    return QStringLiteral(
        "--mode range: a fresh model per rate start * factor^i, i < steps (defaults 1e-6, 2, 20), trained for the\n"
        "  spec's epochs (or --epochs) on the training rows (or a seeded --fraction of them); the last epoch's mean\n"
        "  training loss per rate; a diverged run is kept.\n"
        "  Recommended: the rate at the lowest loss of the 3-point smoothed curve (each point is a whole training\n"
        "  at its rate); also minimum/10 and the steepest descent of the smoothed curve.\n"
        "--mode onepass: one run, the rate growing per batch from --start (1e-7) to --end (10) over --steps\n"
        "  batches (100; 0 = one epoch), loss smoothed (EMA 0.98, debiased), stops when it passes 4x its best.\n"
        "  Recommended: the lowest loss's rate / 10 (fastai's minimum); also steep and fastai's valley.\n"
        "  Either recommends nothing when the loss never fell 1 % below its first value.\n"
        "--seed replaces the spec's seed (initialization, shuffling, splits, the --fraction sample).\n"
        "With --json: {\"mode\", \"points\":[{\"lr\",\"loss\",\"diverged\"}], \"suggestions\":{\"recommended\",...},\n"
        "\"seconds\", \"status\", \"run_id\"}. Stored as an 'lr-find' run with one step metric per point.\n"
        "Exit 1 when cancelled (Ctrl-C) or when no rate could be recommended.");
}

void LrFindCommand::declareArguments(ArgumentParser &parser) const
{
    constexpr double highest = std::numeric_limits<double>::max();
    parser.addPositional(QStringLiteral("SPEC"), QStringLiteral("the model spec (JSON, see docs/model-spec.md)"));
    TrainingDataArguments::declare(parser);
    SpecAdaptation::declare(parser);
    parser.addTextOption(QStringLiteral("mode"), QStringLiteral("MODE"), QStringLiteral("range or onepass")).required();
    parser.addNumberOption(QStringLiteral("start"), QStringLiteral("X"),
                           QStringLiteral("first rate (range 1e-6, onepass 1e-7)"), -highest, highest);
    parser.addNumberOption(QStringLiteral("end"), QStringLiteral("X"), QStringLiteral("onepass: last rate (10)"),
                           -highest, highest);
    parser.addNumberOption(QStringLiteral("factor"), QStringLiteral("F"),
                           QStringLiteral("range: ratio between rates (2)"), -highest, highest);
    parser.addIntegerOption(QStringLiteral("steps"), QStringLiteral("N"),
                            QStringLiteral("range: rates (20); onepass: batches (100, 0 = one epoch)"), 0, 100000000);
    parser.addNumberOption(QStringLiteral("fraction"), QStringLiteral("F"),
                           QStringLiteral("range: share of the training rows per run (1)"), -highest, highest);
    parser.addIntegerOption(QStringLiteral("epochs"), QStringLiteral("N"),
                            QStringLiteral("range: epochs per rate (default: the spec's epochs)"), 0, 1000);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("replaces the spec's seed"), 0,
                            std::numeric_limits<std::int64_t>::max());
}

ExitCode LrFindCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    auto spec = SpecArgument::read(arguments, SpecArgument::Seed::OptionReplaces);
    if (!spec.isOk())
        return context.fail(spec.status());
    auto settings = settingsFrom(arguments, spec.value().seed);
    if (!settings.isOk())
        return context.fail(settings.status());
    auto data = TrainingDataArguments::load(arguments, spec.value());
    if (!data.isOk())
        return context.fail(data.status());
    TrainingDataArguments::reportPlan(context, data.value().data);
    auto adapted = SpecAdaptation::apply(arguments, context, spec.value(), data.value());
    if (!adapted.isOk())
        return context.fail(adapted.status());
    spec.value() = adapted.takeValue();
    const TrainingData &prepared = data.value().data;
    auto recorder = LrRunRecorder::start(context, RunKind::LrFind, data.value(),
                                         lrFindConfigJson(settings.value(), spec.value(), prepared));
    if (!recorder.isOk())
        return context.fail(recorder.status());
    if (!context.isJson()) {
        context.out() << "lr-find (" << toUtf8(arguments.value(QStringLiteral("mode"))) << ") " << spec.value().name
                      << " on " << prepared.source << ": " << prepared.description() << '\n'
                      << std::flush;
    }

    auto found = search(settings.value(), spec.value(), prepared, context, recorder.value());
    if (!found.isOk()) {
        (void)recorder.value().finish(RunStatus::Failed, 0.0, nlohmann::ordered_json::object(), found.message());
        return context.fail(ExitCode::BadInput, toUtf8(arguments.positional(0)) + ": " + SpecAdaptation::withHint(found.message()));
    }
    const LrFindResult &result = found.value();
    nlohmann::ordered_json document = lrFindResultJson(result);
    const bool cancelled = result.status.isCancelled();
    LrRunRecorder &run = recorder.value();
    if (Status stored = run.addSteps(stepsOf(result)); !stored.isOk())
        context.warn("the points were not recorded: " + stored.message());
    const std::string problem = cancelled ? "cancelled"
                                : result.suggestions.recommended ? std::string()
                                                                 : "no learning rate could be recommended: the loss "
                                                                   "never fell";
    if (Status finished = run.finish(cancelled ? RunStatus::Cancelled : RunStatus::Completed, result.seconds, document,
                                     cancelled ? "cancelled" : "");
        !finished.isOk())
        context.warn("the run's end was not recorded: " + finished.message());
    if (!problem.empty())
        context.err() << "loupe-cli lr-find: " << problem << '\n' << std::flush;
    if (context.isJson()) {
        document["run_id"] = run.isRecording() ? nlohmann::ordered_json(run.id()) : nlohmann::ordered_json(nullptr);
        context.printJson(document);
    } else {
        printText(context.out(), result);
        if (run.isRecording())
            context.out() << "recorded as run " << run.id() << " in " << toUtf8(context.workspace().displayLocation()) << '\n';
        context.out().flush();
    }
    return problem.empty() ? ExitCode::Success : ExitCode::Failures;
}

} // namespace loupe::cli
