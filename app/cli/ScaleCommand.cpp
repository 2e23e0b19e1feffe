#include "app/cli/ScaleCommand.h"

#include "app/cli/CliText.h"
#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/NumberParsing.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/TextTable.h"
#include "core/data/CsvReader.h"
#include "core/data/CsvWriter.h"
#include "core/prep/TableScaling.h"
#include "core/util/JsonReader.h"
#include "core/util/OutputFile.h"

#include <QFile>
#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <optional>

namespace loupe::cli {

namespace {

// Finite numbers (NumberParsing's rules: no "nan" or "inf") whose width HIGH - LOW is finite too, so the
// scaled values are ("-1e308,1e308" would scale every value to inf or NaN).
Result<std::pair<double, double>> parseRange(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(','));
    const std::optional<double> low = parts.size() == 2 ? parseNumber(parts[0].trimmed()) : std::nullopt;
    const std::optional<double> high = parts.size() == 2 ? parseNumber(parts[1].trimmed()) : std::nullopt;
    if (!low || !high || !(*low < *high) || !std::isfinite(*high - *low))
        return usageError(QStringLiteral("option --range: expected LOW,HIGH, two finite numbers with LOW < HIGH "
                                         "and a finite HIGH - LOW, got '%1'")
                              .arg(text));
    return std::pair{*low, *high};
}

Result<ScalingRequest> requestFrom(const ParsedArguments &arguments)
{
    ScalingRequest request;
    const QString methodName = arguments.value(QStringLiteral("method"));
    const auto method = scalingMethodFromName(toUtf8(methodName));
    if (!method || *method == ScalingMethod::None)
        return usageError(QStringLiteral("option --method: '%1' is not one of standard, minmax, mean, l1, l2").arg(methodName));
    request.scaler.method = *method;
    for (const QString &column : arguments.value(QStringLiteral("columns")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        request.scaler.columns.push_back(toUtf8(column.trimmed()));
    if (arguments.isSet(QStringLiteral("range"))) {
        if (*method != ScalingMethod::MinMax)
            return usageError(QStringLiteral("option --range applies to --method minmax only"));
        auto range = parseRange(arguments.value(QStringLiteral("range")));
        if (!range.isOk())
            return range.status();
        request.scaler.rangeLow = range.value().first;
        request.scaler.rangeHigh = range.value().second;
    }
    request.testFraction = arguments.doubleValue(QStringLiteral("test-fraction"), request.testFraction);
    request.seed = static_cast<std::uint64_t>(arguments.intValue(QStringLiteral("seed"), 0));
    const QString fitOn = arguments.value(QStringLiteral("fit-on"), QStringLiteral("train"));
    if (fitOn != QLatin1String("train") && fitOn != QLatin1String("all"))
        return usageError(QStringLiteral("option --fit-on: '%1' is not one of train, all").arg(fitOn));
    request.fitOn = fitOn == QLatin1String("all") ? FitRows::All : FitRows::Train;
    return request;
}

Result<Scaler> loadScaler(const QString &path)
{
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    Result<nlohmann::json> document = JsonReader::parseFile(toNativePath(path));
    if (!document.isOk())
        return document.status();
    auto scaler = Scaler::fromJson(document.value());
    if (!scaler.isOk())
        return Status::invalidInput(toUtf8(path) + ": " + scaler.message());
    return scaler;
}

void printText(std::ostream &out, const Scaler &scaler, const nlohmann::ordered_json &summary)
{
    out << "scaled " << scaler.columns().size() << " column(s) with " << scalingMethodName(scaler.method());
    if (summary.contains("train_rows"))
        out << ", fitted on " << summary["train_rows"].get<std::size_t>() << " training rows ("
            << summary["test_rows"].get<std::size_t>() << " test rows held out)";
    else
        out << ", with saved parameters";
    out << "; wrote " << summary["output"].get<std::string>() << '\n';
    TextTable table;
    table.addRow({"column", "center", "scale", "offset", "constant"});
    table.addSeparator();
    char number[3][32];
    for (const ScaledColumn &column : scaler.columns()) {
        std::snprintf(number[0], 32, "%.6g", column.affine.center);
        std::snprintf(number[1], 32, "%.6g", column.affine.scale);
        std::snprintf(number[2], 32, "%.6g", column.affine.offset);
        table.addRow({column.name, number[0], number[1], number[2], column.affine.constant ? "yes" : "no"});
    }
    table.print(out, 2);
    out.flush();
}

} // namespace

QString ScaleCommand::summary() const
{
    return QStringLiteral("Scale numeric columns with a scaler fitted on the training split only; write the CSV and "
                          "the parameters");
}

QString ScaleCommand::description() const
{
    return QStringLiteral(
        "Splits the rows (seeded; --test-fraction, default 0.2), fits the scaler on the training rows only and\n"
        "applies it unchanged to every row. --fit-on all asks to fit on every row: it is refused (exit 2) whenever\n"
        "test rows exist, because test statistics would leak into training. Methods: standard (z-score),\n"
        "minmax ([0,1] or --range LOW,HIGH), mean ((x-mean)/(max-min)), l1 and l2 (each row over --columns).\n"
        "Missing cells stay missing; a constant column divides by 1 (no NaN). --apply P.json scales with saved\n"
        "parameters instead of fitting. With --json: {\"input\",\"output\",\"params_out\",\"method\",\"train_rows\",\n"
        "\"test_rows\",\"test_fraction\",\"seed\",\"scaler\":{...}}. Exit 2 for bad input or a refused fit, and for an\n"
        "output that is an input or the other output. New output files are 0600 (they hold the data's values).");
}

void ScaleCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("DATA"), QStringLiteral("the CSV file"));
    parser.addTextOption(QStringLiteral("method"), QStringLiteral("M"),
                         QStringLiteral("standard, minmax, mean, l1 or l2 (required unless --apply)"));
    parser.addTextOption(QStringLiteral("columns"), QStringLiteral("A,B"),
                         QStringLiteral("the columns to scale (default: every int64 and float64 column)"));
    parser.addTextOption(QStringLiteral("range"), QStringLiteral("LOW,HIGH"),
                         QStringLiteral("minmax: the target range (default 0,1)"));
    parser.addNumberOption(QStringLiteral("test-fraction"), QStringLiteral("F"),
                           QStringLiteral("rows held out as the test split (default 0.2)"), 0.0, 0.99);
    parser.addIntegerOption(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("split seed (default 0)"), 0,
                            std::numeric_limits<std::int64_t>::max());
    parser.addTextOption(QStringLiteral("fit-on"), QStringLiteral("ROWS"),
                         QStringLiteral("train (default) or all; all is refused when there are test rows"));
    parser.addTextOption(QStringLiteral("apply"), QStringLiteral("P.json"),
                         QStringLiteral("scale with saved parameters instead of fitting"));
    parser.addTextOption(QStringLiteral("output"), QStringLiteral("OUT.csv"), QStringLiteral("the scaled CSV (- for stdout)"))
        .withShortName(QLatin1Char('o'))
        .required();
    parser.addTextOption(QStringLiteral("params-out"), QStringLiteral("P.json"),
                         QStringLiteral("write the fitted parameters there (JSON)"));
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode ScaleCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    const QString output = arguments.value(QStringLiteral("output"));
    const QString paramsOut = arguments.value(QStringLiteral("params-out"));
    const bool apply = arguments.isSet(QStringLiteral("apply"));
    if (apply == arguments.isSet(QStringLiteral("method")))
        return context.fail(usageError(QStringLiteral("give exactly one of --method (fit a scaler) and --apply (use saved parameters)")));
    if (apply) {
        for (const char *fitOnly : {"columns", "range", "test-fraction", "seed", "fit-on"}) {
            if (arguments.isSet(QLatin1String(fitOnly)))
                return context.fail(usageError(QStringLiteral("option --%1 applies to fitting, not to --apply").arg(QLatin1String(fitOnly))));
        }
    }
    auto csvOptions = CsvArguments::toOptions(arguments);
    if (!csvOptions.isOk())
        return context.fail(csvOptions.status());
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    CommandOutputs outputs(context);
    outputs.addInput(path);
    if (apply)
        outputs.addInput(arguments.value(QStringLiteral("apply")));
    const OutputTarget scaledTarget = outputs.addOutput(QStringLiteral("-o"), output, FileAccess::OwnerOnly,
                                                        StreamUse::Allowed);
    // The parameters hold each column's mean, min and max: values of the data, so owner-only too.
    const std::optional<OutputTarget> parametersTarget = arguments.isSet(QStringLiteral("params-out"))
        ? std::optional(outputs.addOutput(QStringLiteral("--params-out"), paramsOut, FileAccess::OwnerOnly))
        : std::nullopt;
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    auto read = CsvReader(csvOptions.value()).readFile(toNativePath(path));
    if (!read.isOk())
        return context.fail(read.status());
    const Table &table = read.value().table;

    nlohmann::ordered_json summary;
    summary["input"] = toUtf8(QFileInfo(path).absoluteFilePath());
    summary["output"] = toUtf8(output);
    summary["params_out"] = !parametersTarget ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(toUtf8(paramsOut));
    Scaler scaler;
    Table scaled;
    if (apply) {
        auto loaded = loadScaler(arguments.value(QStringLiteral("apply")));
        if (!loaded.isOk())
            return context.fail(loaded.status());
        auto transformed = loaded.value().transform(table);
        if (!transformed.isOk())
            return context.fail(ExitCode::BadInput, toUtf8(path) + ": " + transformed.message());
        scaler = loaded.takeValue();
        scaled = transformed.takeValue();
        summary["method"] = scalingMethodName(scaler.method());
    } else {
        auto request = requestFrom(arguments);
        if (!request.isOk())
            return context.fail(request.status());
        auto outcome = TableScaling::run(table, request.value());
        if (!outcome.isOk())
            return context.fail(ExitCode::BadInput, toUtf8(path) + ": " + outcome.message());
        summary["method"] = scalingMethodName(request.value().scaler.method);
        summary["train_rows"] = outcome.value().partition.train.size();
        summary["test_rows"] = outcome.value().partition.test.size();
        summary["test_fraction"] = request.value().testFraction;
        summary["seed"] = request.value().seed;
        scaler = std::move(outcome.value().scaler);
        scaled = std::move(outcome.value().scaled);
    }
    if (Status written = CsvWriter::writeFile(scaled, scaledTarget); !written.isOk())
        return context.fail(written);
    summary["scaler"] = scaler.toJson();
    if (parametersTarget) {
        if (Status saved = OutputFile::write(*parametersTarget, scaler.toJson().dump(2) + "\n"); !saved.isOk())
            return context.fail(saved);
    }
    if (context.isJson())
        context.printJson(summary);
    else // with -o - the data owns stdout: the summary goes to stderr
        printText(scaledTarget.isStandardOutput() ? context.err() : context.out(), scaler, summary);
    return ExitCode::Success;
}

} // namespace loupe::cli
