#include "app/cli/SufficiencyCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/ParsedArguments.h"
#include "app/cli/TextTable.h"
#include "core/data/CsvReader.h"
#include "core/train/SufficiencyAnalyzer.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace loupe::cli {

namespace {

std::string measured(const SufficiencyCheck &check)
{
    if (!std::isfinite(check.value))
        return "-";
    char text[48];
    std::snprintf(text, sizeof text, "%g", check.value);
    return text;
}

void printText(CliContext &context, const QString &path, const SufficiencyReport &report)
{
    std::ostream &out = context.out();
    out << toUtf8(path) << ": " << report.rows << " rows, " << report.features << " features, " << report.task;
    if (report.parameters > 0)
        out << ", " << report.parameters << " model parameters";
    out << '\n';
    TextTable table(96);
    table.addRow({"check", "verdict", "value", "why"});
    table.addSeparator();
    for (const SufficiencyCheck &check : report.checks)
        table.addRow({check.title, verdictName(check.verdict), measured(check), check.reason});
    table.print(out, 2);
    out << "verdict: " << verdictName(report.overall()) << '\n';
    out.flush();
}

Result<std::optional<ModelSpec>> readSpec(const ParsedArguments &arguments)
{
    if (!arguments.isSet(QStringLiteral("spec")))
        return std::optional<ModelSpec>();
    const QString path = arguments.value(QStringLiteral("spec"));
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    auto spec = ModelSpec::fromFile(toNativePath(path));
    if (!spec.isOk())
        return spec.status();
    return std::optional<ModelSpec>(spec.takeValue());
}

} // namespace

QString SufficiencyCommand::summary() const
{
    return QStringLiteral("Is the data up to the task: samples per class, per feature, per parameter, balance, "
                          "duplicates, constant columns, missing values");
}

QString SufficiencyCommand::description() const
{
    return QStringLiteral(
        "Prints one line per check with its verdict (ok, warning, insufficient), the measured value and why.\n"
        "Checks: samples_per_class (30 per class), samples_per_feature (10x), samples_per_parameter (with --spec:\n"
        "rows >= 10 x the model's parameters), class_imbalance (majority/minority <= 10), duplicate_rows,\n"
        "constant_columns, missing_values (a column missing half its cells is insufficient).\n"
        "With --json: {\"file\",\"rows\",\"features\",\"parameters\",\"task\",\"verdict\",\"checks\":[{\"id\",\"title\",\n"
        "\"verdict\",\"reason\",\"value\",\"required\",\"items\":{NAME:NUMBER},\"rows\":[0-based row indices]}]}.\n"
        "Exit 1 when any verdict is insufficient, 2 for a bad file, column or spec.");
}

void SufficiencyCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("DATA"), QStringLiteral("the CSV file"));
    parser.addTextOption(QStringLiteral("target"), QStringLiteral("COL"), QStringLiteral("the column to predict"))
        .required();
    parser.addTextOption(QStringLiteral("exclude"), QStringLiteral("COL"),
                         QStringLiteral("a column that is neither feature nor target"))
        .repeatable();
    parser.addTextOption(QStringLiteral("spec"), QStringLiteral("SPEC.json"),
                         QStringLiteral("a model spec, to compare the rows with its parameter count"));
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode SufficiencyCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    auto csvOptions = CsvArguments::toOptions(arguments);
    if (!csvOptions.isOk())
        return context.fail(csvOptions.status());
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    auto spec = readSpec(arguments);
    if (!spec.isOk())
        return context.fail(spec.status());
    auto read = CsvReader(csvOptions.value()).readFile(toNativePath(path));
    if (!read.isOk())
        return context.fail(read.status());

    SufficiencyOptions options;
    options.target = toUtf8(arguments.value(QStringLiteral("target")));
    for (const QString &column : arguments.values(QStringLiteral("exclude")))
        options.excluded.push_back(toUtf8(column));
    options.spec = spec.takeValue();
    auto report = SufficiencyAnalyzer::analyze(read.value().table, options);
    if (!report.isOk())
        return context.fail(ExitCode::BadInput, toUtf8(path) + ": " + report.message());

    if (context.isJson()) {
        nlohmann::ordered_json json;
        json["file"] = toUtf8(QFileInfo(path).absoluteFilePath());
        json.update(report.value().toJson());
        context.printJson(json);
    } else {
        printText(context, path, report.value());
    }
    return report.value().overall() == Verdict::Insufficient ? ExitCode::Failures : ExitCode::Success;
}

} // namespace loupe::cli
