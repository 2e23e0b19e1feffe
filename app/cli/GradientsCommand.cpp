#include "app/cli/GradientsCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/TextTable.h"
#include "core/train/GradientService.h"

#include <cstdio>

namespace loupe::cli {

namespace {

std::string gradientNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

} // namespace

QString GradientsCommand::summary() const
{
    return QStringLiteral("Loss and per-layer gradient norms of a model (spec + weights) on one batch");
}

QString GradientsCommand::description() const
{
    return QStringLiteral(
        "One forward and backward pass over every row of BATCH.csv with the spec's loss and dropout off;\n"
        "nothing is trained or recorded. W.json is the interchange form {\"layers\":[{\"weights\":[[...]],\"bias\":[...]}]},\n"
        "one entry per dense layer, weights [inputs][outputs] (Keras' layout; `loupe-cli weights export` writes it).\n"
        "The batch is used as it is: every column but the target is an input, in file order, no scaling.\n"
        "The target holds class indices 0..C-1 (categorical_crossentropy), 0/1 (binary_crossentropy) or numbers (mse).\n"
        "With --json: {\"loss\", \"layers\":[{\"name\", \"weight_grad_norm\", \"bias_grad_norm\", \"weight_norm\"}]}.");
}

void GradientsCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("SPEC"), QStringLiteral("the model spec (JSON, docs/model-spec.md)"));
    parser.addTextOption(QStringLiteral("weights"), QStringLiteral("W.json"), QStringLiteral("the model's dense weights (interchange JSON)"))
        .required();
    parser.addTextOption(QStringLiteral("data"), QStringLiteral("BATCH.csv"), QStringLiteral("the batch, every row of it"))
        .required();
    parser.addTextOption(QStringLiteral("target"), QStringLiteral("COL"), QStringLiteral("the batch's target column"))
        .required();
    CsvArguments::declare(parser, CsvOptionSet::DelimiterOnly);
}

ExitCode GradientsCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    auto csv = CsvArguments::toOptions(arguments);
    if (!csv.isOk())
        return context.fail(csv.status());
    GradientService::Request request;
    request.specPath = toNativePath(arguments.positional(0));
    request.weightsPath = toNativePath(arguments.value(QStringLiteral("weights")));
    request.dataPath = toNativePath(arguments.value(QStringLiteral("data")));
    request.target = toUtf8(arguments.value(QStringLiteral("target")));
    request.csv = csv.value();
    for (const QString &path : {arguments.positional(0), arguments.value(QStringLiteral("weights")),
                                arguments.value(QStringLiteral("data"))}) {
        if (Status readable = checkReadableFile(path); !readable.isOk())
            return context.fail(readable);
    }
    auto report = GradientService::compute(request);
    if (!report.isOk())
        return context.fail(ExitCode::BadInput, report.message());
    if (context.isJson()) {
        context.printJson(report.value().toJson());
        return ExitCode::Success;
    }
    context.out() << "loss " << gradientNumber(report.value().loss) << "\n";
    TextTable table;
    table.addRow({"layer", "weight grad norm", "bias grad norm", "weight norm"});
    table.addSeparator();
    for (const GradientReport::LayerGradient &layer : report.value().layers)
        table.addRow({layer.name, gradientNumber(layer.weightGradNorm), gradientNumber(layer.biasGradNorm),
                      gradientNumber(layer.weightNorm)});
    table.print(context.out());
    context.out().flush();
    return ExitCode::Success;
}

} // namespace loupe::cli
