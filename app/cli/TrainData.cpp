#include "app/cli/TrainData.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/ParsedArguments.h"
#include "core/data/CsvReader.h"
#include "db/runs/DatasetRecorder.h"
#include "db/store/Store.h"
#include "core/train/TrainingSession.h"

#include <QFileInfo>

namespace loupe::cli {

namespace {

Status usage(const QString &message)
{
    return Status::invalidInput(message.toStdString());
}

Result<TargetTask> targetTask(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("auto"))
        return TargetTask::Auto;
    if (text == QLatin1String("classification"))
        return TargetTask::Classification;
    if (text == QLatin1String("regression"))
        return TargetTask::Regression;
    return usage(QStringLiteral("option --task: '%1' is not one of auto, classification, regression").arg(text));
}

Result<TrainData> loadFashionMnist(const ParsedArguments &arguments, const ModelSpec &spec)
{
    for (const char *csvOnly : {"target", "exclude", "test-fraction", "task", "max-levels", "scale"}) {
        if (arguments.isSet(QLatin1String(csvOnly)))
            return usage(QStringLiteral("option --%1 applies to CSV data, not to --data fashion-mnist")
                             .arg(QLatin1String(csvOnly)));
    }
    if (spec.scaling)
        return usage(QStringLiteral("the model spec's \"scaling\": \"%1\" applies to CSV data, not to --data "
                                    "fashion-mnist (its pixels are divided by 255); remove the key")
                         .arg(QString::fromStdString(scalingMethodName(*spec.scaling))));
    FashionMnistOptions options;
    options.validationFraction = arguments.doubleValue(QStringLiteral("validation-fraction"),
                                                       TrainingSession::defaultValidationFraction(spec));
    options.rowLimit = static_cast<std::size_t>(arguments.intValue(QStringLiteral("limit"), 0));
    auto prepared = DatasetAdapter::fashionMnist(options, spec.seed);
    if (!prepared.isOk())
        return prepared.status();
    TrainData data;
    data.data = prepared.takeValue();
    return data;
}

// --scale METHOD, else --no-standardize (none), else the spec's "scaling", else standardize; fitted on
// the training rows only.
Result<FeatureScaling> scalingChoice(const ParsedArguments &arguments, const ModelSpec &spec)
{
    const bool noStandardize = arguments.isSet(QStringLiteral("no-standardize"));
    if (!arguments.isSet(QStringLiteral("scale"))) {
        if (noStandardize)
            return FeatureScaling::None;
        return spec.scaling.value_or(FeatureScaling::Standardize);
    }
    if (noStandardize)
        return usage(QStringLiteral("options --scale and --no-standardize contradict each other; use --scale none"));
    const QString name = arguments.value(QStringLiteral("scale"));
    const auto method = scalingMethodFromName(toUtf8(name));
    if (!method)
        return usage(QStringLiteral("option --scale: '%1' is not one of %2")
                         .arg(name, QString::fromStdString(scalingMethodNames())));
    return *method;
}

Result<TableEncodingOptions> encodingOptions(const ParsedArguments &arguments, const ModelSpec &spec)
{
    TableEncodingOptions options;
    options.target = toUtf8(arguments.value(QStringLiteral("target")));
    for (const QString &column : arguments.values(QStringLiteral("exclude")))
        options.excluded.push_back(toUtf8(column));
    options.maxFeatureLevels = static_cast<std::size_t>(
        arguments.intValue(QStringLiteral("max-levels"), static_cast<std::int64_t>(options.maxFeatureLevels)));
    auto task = targetTask(arguments.value(QStringLiteral("task")));
    if (!task.isOk())
        return task.status();
    options.task = task.value();
    options.missing = arguments.isSet(QStringLiteral("impute-missing")) ? MissingValues::Impute : MissingValues::Reject;
    auto scaling = scalingChoice(arguments, spec);
    if (!scaling.isOk())
        return scaling.status();
    options.scaling = scaling.value();
    options.binaryTargets = TrainingSession::binaryTargetsFor(spec);
    return options;
}

Result<TrainData> loadCsv(const ParsedArguments &arguments, const ModelSpec &spec, const QString &path)
{
    if (!arguments.isSet(QStringLiteral("target")))
        return usage(QStringLiteral("option --target COL is required when --data is a CSV file (the column to predict)"));
    if (arguments.isSet(QStringLiteral("limit")))
        return usage(QStringLiteral("option --limit applies to --data fashion-mnist only"));
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    auto encoding = encodingOptions(arguments, spec);
    if (!encoding.isOk())
        return encoding.status();
    auto csvOptions = CsvArguments::toOptions(arguments);
    if (!csvOptions.isOk())
        return csvOptions.status();
    auto report = CsvReader(csvOptions.value()).readFile(toNativePath(path));
    if (!report.isOk())
        return report.status();
    const Table &table = report.value().table;
    if (Status typed = CsvArguments::checkTypeColumns(csvOptions.value(), table, path); !typed.isOk())
        return typed;
    SplitFractions fractions;
    fractions.validation = arguments.doubleValue(QStringLiteral("validation-fraction"),
                                                 TrainingSession::defaultValidationFraction(spec));
    fractions.test = arguments.doubleValue(QStringLiteral("test-fraction"), fractions.test);
    auto prepared = DatasetAdapter::fromTable(table, encoding.value(), fractions, spec.seed,
                                              toUtf8(QFileInfo(path).fileName()));
    if (!prepared.isOk())
        return prepared.status();
    TrainData data;
    data.data = prepared.takeValue();
    data.csvPath = QFileInfo(path).absoluteFilePath();
    data.tableRows = table.rowCount();
    data.tableColumns = table.columnCount();
    data.schemaJson = DatasetRecorder::shapeOf(table).schemaJson;
    return data;
}

} // namespace

void TrainDataArguments::declare(ArgumentParser &parser)
{
    parser.addTextOption(QStringLiteral("data"), QStringLiteral("SOURCE"),
                         QStringLiteral("fashion-mnist, or a CSV file"))
        .required();
    parser.addTextOption(QStringLiteral("target"), QStringLiteral("COL"),
                         QStringLiteral("CSV: the column to predict (required for a CSV)"));
    parser.addTextOption(QStringLiteral("exclude"), QStringLiteral("COL"),
                         QStringLiteral("CSV: a column that is not a feature"))
        .repeatable();
    parser.addTextOption(QStringLiteral("task"), QStringLiteral("KIND"),
                         QStringLiteral("CSV: auto (default), classification or regression (for an integer target)"));
    parser.addIntegerOption(QStringLiteral("max-levels"), QStringLiteral("N"),
                            QStringLiteral("CSV: one-hot cap for text feature columns (default 20)"), 1, 10000);
    parser.addFlag(QStringLiteral("impute-missing"),
                   QStringLiteral("CSV: fill missing features (training mean; no level for text) instead of failing"));
    parser.addFlag(QStringLiteral("no-standardize"),
                   QStringLiteral("CSV: keep numeric features as they are (same as --scale none)"));
    parser.addTextOption(QStringLiteral("scale"), QStringLiteral("METHOD"),
                         QStringLiteral("CSV: standard, minmax, mean, l1, l2 or none, fitted on training rows (default: the "
                                        "spec's \"scaling\", else standard)"));
    parser.addNumberOption(QStringLiteral("validation-fraction"), QStringLiteral("X"),
                           QStringLiteral("rows held out for validation (default: the spec's validation_split, else 0.1)"),
                           0.0, 0.99);
    parser.addNumberOption(QStringLiteral("test-fraction"), QStringLiteral("X"),
                           QStringLiteral("CSV: rows held out for the test (default 0.1)"), 0.0, 0.99);
    parser.addIntegerOption(QStringLiteral("limit"), QStringLiteral("N"),
                            QStringLiteral("fashion-mnist: use only the first N images of each file"), 1,
                            std::numeric_limits<std::int32_t>::max());
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

Result<TrainData> TrainDataArguments::load(const ParsedArguments &arguments, const ModelSpec &spec)
{
    const QString source = arguments.value(QStringLiteral("data"));
    if (source == QLatin1String(s_fashionMnist))
        return loadFashionMnist(arguments, spec);
    return loadCsv(arguments, spec, source);
}

Result<std::optional<qint64>> storeTrainDataset(Store &store, const TrainData &data)
{
    if (data.csvPath.isEmpty())
        return std::optional<qint64>();
    const DatasetShape shape{static_cast<qint64>(data.tableRows), static_cast<int>(data.tableColumns), data.schemaJson};
    auto id = DatasetRecorder(store).recordDataset(data.csvPath, shape);
    if (!id.isOk())
        return id.status();
    return std::optional<qint64>(id.value());
}

} // namespace loupe::cli
