#include "app/cli/WeightsCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "app/cli/FileChecks.h"
#include "core/nn/WeightsFile.h"
#include "core/train/WeightsInterchange.h"
#include "core/util/OutputFile.h"

namespace loupe::cli {

namespace {

nlohmann::ordered_json weightsWritten(const std::string &path, std::size_t layers)
{
    nlohmann::ordered_json result;
    result["output"] = path;
    result["dense_layers"] = layers;
    return result;
}

} // namespace

QString WeightsCommand::summary() const
{
    return QStringLiteral("Convert weights between Loupe's weights file and plain JSON (numpy/Keras/PyTorch)");
}

QString WeightsCommand::description() const
{
    return QStringLiteral(
        "ACTION export: FILE is a Loupe weights file; writes {\"layers\":[{\"weights\":[[...]],\"bias\":[...]}]}, one entry\n"
        "per dense layer in order, weights [inputs][outputs] as Keras stores a kernel (a torch.nn.Linear's weight is\n"
        "its transpose), to -o (default: stdout).\n"
        "ACTION import: FILE is that JSON; --spec names the model it belongs to (shapes are checked layer by layer);\n"
        "writes a Loupe weights file to -o.\n"
        "With --json (import, or export with -o FILE): {\"output\", \"dense_layers\"}.");
}

void WeightsCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("ACTION"), QStringLiteral("export or import"));
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("export: a Loupe weights file; import: the JSON"));
    parser.addTextOption(QStringLiteral("output"), QStringLiteral("FILE"),
                         QStringLiteral("export: the JSON (- or absent: stdout); import: the weights file (required)"))
        .withShortName(QLatin1Char('o'));
    parser.addTextOption(QStringLiteral("spec"), QStringLiteral("SPEC.json"), QStringLiteral("import: the model spec"));
}

ExitCode WeightsCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString action = arguments.positional(0);
    if (action == QLatin1String("export"))
        return runExport(arguments, context);
    if (action == QLatin1String("import"))
        return runImport(arguments, context);
    return context.fail(ExitCode::BadInput, "ACTION: expected export or import, got \"" + toUtf8(action) + "\"");
}

ExitCode WeightsCommand::runExport(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(1);
    if (arguments.isSet(QStringLiteral("spec")))
        return context.fail(ExitCode::BadInput, std::string("--spec: only for import (a weights file names its own layers)"));
    const QString output = arguments.value(QStringLiteral("output"), QStringLiteral("-"));
    CommandOutputs outputs(context);
    outputs.addInput(path);
    const OutputTarget target = outputs.addOutput(QStringLiteral("-o"), output, FileAccess::Shared, StreamUse::Allowed);
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    auto layers = WeightsInterchange::exportFile(toNativePath(path));
    if (!layers.isOk())
        return context.fail(ExitCode::BadInput, layers.message());
    const std::string text = DenseWeightsJson::toJson(layers.value()).dump() + "\n";
    if (target.isStandardOutput()) {
        context.out() << text;
        context.out().flush();
        return ExitCode::Success;
    }
    if (Status written = OutputFile::write(target, text); !written.isOk())
        return context.fail(written);
    if (context.isJson())
        context.printJson(weightsWritten(target.path, layers.value().size()));
    else
        context.out() << "wrote " << target.path << " (" << layers.value().size() << " dense layers)\n";
    return ExitCode::Success;
}

ExitCode WeightsCommand::runImport(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(1);
    if (!arguments.isSet(QStringLiteral("spec")))
        return context.fail(ExitCode::BadInput, std::string("--spec: required for import (the model the weights belong to)"));
    if (!arguments.isSet(QStringLiteral("output")))
        return context.fail(ExitCode::BadInput, std::string("-o: required for import (the weights file to write)"));
    const QString specPath = arguments.value(QStringLiteral("spec"));
    CommandOutputs outputs(context);
    outputs.addInput(path);
    outputs.addInput(specPath);
    const OutputTarget target = outputs.addOutput(QStringLiteral("-o"), arguments.value(QStringLiteral("output")),
                                                  FileAccess::Shared, StreamUse::Refused);
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    for (const QString &input : {path, specPath}) {
        if (Status readable = checkReadableFile(input); !readable.isOk())
            return context.fail(readable);
    }
    auto spec = ModelSpec::fromFile(toNativePath(specPath));
    if (!spec.isOk())
        return context.fail(ExitCode::BadInput, spec.message());
    auto layers = DenseWeightsJson::readFile(toNativePath(path));
    if (!layers.isOk())
        return context.fail(ExitCode::BadInput, layers.message());
    auto model = WeightsInterchange::buildModel(spec.value(), layers.value(), toNativePath(path));
    if (!model.isOk())
        return context.fail(ExitCode::BadInput, model.message());
    if (Status saved = WeightsFile::save(target, model.value()); !saved.isOk())
        return context.fail(saved);
    if (context.isJson())
        context.printJson(weightsWritten(target.path, layers.value().size()));
    else
        context.out() << "wrote " << target.path << " (" << layers.value().size() << " dense layers)\n";
    return ExitCode::Success;
}

} // namespace loupe::cli
