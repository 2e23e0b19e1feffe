#include "app/cli/LrVerifyCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliText.h"
#include "app/cli/InterruptGuard.h"
#include "app/cli/LrRunRecorder.h"
#include "app/cli/NumberParsing.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/SpecArgument.h"
#include "app/cli/ProgressLine.h"
#include "app/cli/TextTable.h"
#include "app/cli/TrainingDataArguments.h"
#include "core/lr/LrVerifyJson.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace loupe::cli {

namespace {

// "1e-4,3e-4" -> numbers; a usage error naming the option and the bad item.
Result<std::vector<double>> verifyRateList(const QString &option, const QString &text)
{
    std::vector<double> values;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const auto value = parseNumber(item.trimmed());
        if (!value)
            return usageError(QStringLiteral("option --%1: '%2' is not a number").arg(option, item));
        values.push_back(*value);
    }
    return values;
}

Result<std::vector<std::uint64_t>> verifySeedList(const QString &text)
{
    std::vector<std::uint64_t> values;
    for (const QString &item : text.split(QLatin1Char(','))) {
        const auto value = parseInteger(item.trimmed());
        if (!value || *value < 0)
            return usageError(QStringLiteral("option --seeds: '%1' is not a seed (an integer >= 0)").arg(item));
        values.push_back(static_cast<std::uint64_t>(*value));
    }
    return values;
}

Result<LrVerifyOptions> verifyOptionsFrom(const ParsedArguments &arguments, std::uint64_t specSeed)
{
    LrVerifyOptions options;
    const bool explicitRates = arguments.isSet(QStringLiteral("rates"));
    const bool around = arguments.isSet(QStringLiteral("around"));
    if (explicitRates == around)
        return usageError(std::string("give either --rates or --around"));
    if (explicitRates) {
        for (const char *aroundOnly : {"factor", "each"}) {
            if (arguments.isSet(QLatin1String(aroundOnly)))
                return usageError(std::string("option --") + aroundOnly + " applies to --around, not to --rates");
        }
        auto rates = verifyRateList(QStringLiteral("rates"), arguments.value(QStringLiteral("rates")));
        if (!rates.isOk())
            return rates.status();
        options.rates = rates.value();
    } else {
        const double centre = arguments.doubleValue(QStringLiteral("around"), 0.0);
        const double factor = arguments.doubleValue(QStringLiteral("factor"), 3.0);
        const auto each = static_cast<int>(arguments.intValue(QStringLiteral("each"), 1));
        if (!(std::isfinite(factor) && factor > 1.0))
            return usageError("option --factor: expected a finite number > 1, got " + std::to_string(factor));
        options.rates = LrVerifier::around(centre, factor, each);
    }
    if (arguments.isSet(QStringLiteral("seeds"))) {
        if (arguments.isSet(QStringLiteral("seed")))
            return usageError(std::string("options --seed and --seeds contradict each other; use --seeds"));
        auto seeds = verifySeedList(arguments.value(QStringLiteral("seeds")));
        if (!seeds.isOk())
            return seeds.status();
        options.seeds = seeds.value();
    } else {
        options.seeds = {specSeed};
    }
    if (Status valid = LrVerifier::validate(options); !valid.isOk()) {
        // "rates: ..." -> "option --rates: ..." (or --around when the rates came from it)
        const std::string key = explicitRates || valid.message().rfind("seeds", 0) == 0 ? "" : "around, ";
        return usageError("option --" + key + valid.message());
    }
    return options;
}

std::string verifyNumberText(double value, const char *format)
{
    if (!std::isfinite(value))
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

void printVerifyText(std::ostream &out, const LrVerifyResult &result)
{
    TextTable table;
    table.addRow({"lr", "runs", "diverged", "loss", "accuracy", "spread", "balanced", "PR-AUC"});
    table.addSeparator();
    for (const LrVerifySummary &rate : result.summaries())
        table.addRow({verifyNumberText(rate.learningRate, "%.4g"), std::to_string(rate.runs),
                      std::to_string(rate.diverged), verifyNumberText(rate.meanLoss, "%.4f"),
                      verifyNumberText(rate.meanAccuracy, "%.4f"), verifyNumberText(rate.accuracySpread, "%.4f"),
                      verifyNumberText(rate.meanBalancedAccuracy, "%.4f"),
                      verifyNumberText(rate.meanAveragePrecision, "%.4f")});
    table.print(out, 2);
    out << "measured on the " << result.measuredOn << " rows; took " << verifyNumberText(result.seconds, "%.3g")
        << " s\n";
}

} // namespace

QString LrVerifyCommand::summary() const
{
    return QStringLiteral("Judge learning rates by training the spec's own budget at each and measuring the test rows");
}

QString LrVerifyCommand::description() const
{
    return QStringLiteral(
        "For every rate (--rates LIST, or --around X with its neighbours X/F^k and X*F^k, k <= --each; F 3, each 1)\n"
        "and seed (--seeds LIST; default the spec's seed or --seed) a fresh model trains for the spec's epochs and\n"
        "batch size, then is measured on the test rows (validation rows when there are none): loss, accuracy,\n"
        "balanced accuracy (mean recall per class) and, for two classes, average precision (PR-AUC).\n"
        "With --json: {\"mode\": \"verify\", \"measured_on\", \"runs\":[{\"lr\",\"seed\",\"diverged\",\"loss\",\"accuracy\",\n"
        "\"balanced_accuracy\",\"average_precision\",...}], \"rates\":[means over seeds], \"seconds\", \"status\", \"run_id\"}.\n"
        "Stored as an 'lr-find' run with config mode \"verify\". Exit 1 when cancelled or every run diverged.");
}

void LrVerifyCommand::declareArguments(ArgumentParser &parser) const
{
    constexpr double highest = std::numeric_limits<double>::max();
    parser.addPositional(QStringLiteral("SPEC"), QStringLiteral("the model spec (JSON, see docs/model-spec.md)"));
    TrainingDataArguments::declare(parser);
    parser.addTextOption(QStringLiteral("rates"), QStringLiteral("LIST"), QStringLiteral("rates to train at, e.g. 1e-4,1e-3"));
    parser.addNumberOption(QStringLiteral("around"), QStringLiteral("X"),
                           QStringLiteral("train at X and its neighbours"), -highest, highest);
    parser.addNumberOption(QStringLiteral("factor"), QStringLiteral("F"),
                           QStringLiteral("--around: ratio between neighbours (3)"), -highest, highest);
    parser.addIntegerOption(QStringLiteral("each"), QStringLiteral("N"),
                            QStringLiteral("--around: neighbours on each side (1)"), 0, 5);
    parser.addTextOption(QStringLiteral("seeds"), QStringLiteral("LIST"), QStringLiteral("one run per seed, e.g. 1,2,3"));
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("replaces the spec's seed"), 0,
                            std::numeric_limits<std::int64_t>::max());
}

ExitCode LrVerifyCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    auto spec = SpecArgument::read(arguments, SpecArgument::Seed::OptionReplaces);
    if (!spec.isOk())
        return context.fail(spec.status());
    auto options = verifyOptionsFrom(arguments, spec.value().seed);
    if (!options.isOk())
        return context.fail(options.status());
    auto data = TrainingDataArguments::load(arguments, spec.value());
    if (!data.isOk())
        return context.fail(data.status());
    TrainingDataArguments::reportPlan(context, data.value().data);
    const TrainingData &prepared = data.value().data;
    auto recorder = LrRunRecorder::start(context, RunKind::LrFind, data.value(),
                                         lrVerifyConfigJson(options.value(), spec.value(), prepared));
    if (!recorder.isOk())
        return context.fail(recorder.status());
    if (!context.isJson()) {
        context.out() << "lr-verify " << spec.value().name << " on " << prepared.source << ": "
                      << prepared.description() << "; " << options.value().rates.size() << " rates x "
                      << options.value().seeds.size() << " seeds, " << spec.value().epochs << " epochs each\n"
                      << std::flush;
    }
    LrRunRecorder &run = recorder.value();
    CancellationToken token;
    Result<LrVerifyResult> verified = Status::cancelled();
    {
        const InterruptGuard guard(token);
        ProgressLine line(context.err(), "training");
        const ProgressSink sink = run.withHeartbeat(context.isJson() ? ProgressSink() : line.sink());
        verified = LrVerifier(options.value()).train(spec.value(), prepared, &token, sink);
    }
    if (!verified.isOk()) {
        (void)run.finish(RunStatus::Failed, 0.0, nlohmann::ordered_json::object(), verified.message());
        return context.fail(ExitCode::BadInput, toUtf8(arguments.positional(0)) + ": " + verified.message());
    }
    const LrVerifyResult &result = verified.value();
    nlohmann::ordered_json document = lrVerifyResultJson(result);
    const bool cancelled = result.status.isCancelled();
    bool anyTrained = false;
    for (const LrVerifyPoint &point : result.points)
        anyTrained = anyTrained || !point.diverged;
    const std::string problem = cancelled ? "cancelled" : anyTrained ? std::string() : "every run diverged";
    if (Status finished = run.finish(cancelled ? RunStatus::Cancelled : RunStatus::Completed, result.seconds, document,
                                     cancelled ? "cancelled" : "");
        !finished.isOk())
        context.warn("the run's end was not recorded: " + finished.message());
    if (!problem.empty())
        context.err() << "loupe-cli lr-verify: " << problem << '\n' << std::flush;
    if (context.isJson()) {
        document["run_id"] = run.isRecording() ? nlohmann::ordered_json(run.id()) : nlohmann::ordered_json(nullptr);
        context.printJson(document);
    } else {
        printVerifyText(context.out(), result);
        if (run.isRecording())
            context.out() << "recorded as run " << run.id() << " in " << toUtf8(context.workspace().displayLocation()) << '\n';
        context.out().flush();
    }
    return problem.empty() ? ExitCode::Success : ExitCode::Failures;
}

} // namespace loupe::cli
