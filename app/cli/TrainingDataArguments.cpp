#include "app/cli/TrainingDataArguments.h"

#include "app/cli/CliText.h"
#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/ParsedArguments.h"
#include "core/data/CsvReader.h"
#include "db/runs/DatasetRecorder.h"
#include "db/store/Store.h"
#include "core/train/TrainingDataService.h"

#include <QFileInfo>

namespace loupe::cli {

namespace {

Result<TargetTask> targetTask(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("auto"))
        return TargetTask::Auto;
    if (text == QLatin1String("classification"))
        return TargetTask::Classification;
    if (text == QLatin1String("regression"))
        return TargetTask::Regression;
    return usageError(QStringLiteral("option --task: '%1' is not one of auto, classification, regression").arg(text));
}

// The Fashion-MNIST request: the CSV-only options are refused; --no-standardize is accepted and
// means nothing here (the pixels are always divided by 255).
Result<TrainingDataRequest> fashionMnistRequest(const ParsedArguments &arguments)
{
    for (const char *csvOnly : {"target", "exclude", "keep", "no-auto-ignore", "impute-missing", "test-fraction", "task",
                                "max-levels", "scale"}) {
        if (arguments.isSet(QLatin1String(csvOnly)))
            return usageError(QStringLiteral("option --%1 applies to CSV data, not to --data fashion-mnist")
                             .arg(QLatin1String(csvOnly)));
    }
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::FashionMnist;
    request.imageLimit = static_cast<std::size_t>(arguments.intValue(QStringLiteral("limit"), 0));
    return request;
}

// The user's explicit scaling: --scale METHOD, or --no-standardize (none); nullopt when neither is
// given (then the spec's "scaling" or the default decides, TrainingDataService::scalingFor).
Result<std::optional<FeatureScaling>> scalingChoice(const ParsedArguments &arguments)
{
    const bool noStandardize = arguments.isSet(QStringLiteral("no-standardize"));
    if (!arguments.isSet(QStringLiteral("scale"))) {
        if (noStandardize)
            return std::optional<FeatureScaling>(FeatureScaling::None);
        return std::optional<FeatureScaling>();
    }
    if (noStandardize)
        return usageError(QStringLiteral("options --scale and --no-standardize contradict each other; use --scale none"));
    const QString name = arguments.value(QStringLiteral("scale"));
    const auto method = scalingMethodFromName(toUtf8(name));
    if (!method)
        return usageError(QStringLiteral("option --scale: '%1' is not one of %2")
                         .arg(name, QString::fromStdString(scalingMethodNames())));
    return std::optional<FeatureScaling>(*method);
}

// The CSV request without its table: target, columns, task, missing values, scaling and test share.
Result<TrainingDataRequest> csvRequest(const ParsedArguments &arguments)
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.target = toUtf8(arguments.value(QStringLiteral("target")));
    for (const QString &column : arguments.values(QStringLiteral("exclude")))
        request.excluded.push_back(toUtf8(column));
    for (const QString &column : arguments.values(QStringLiteral("keep")))
        request.kept.push_back(toUtf8(column));
    // An explicit --exclude list is authoritative: the proposal only runs when the user named none.
    const bool asGiven = arguments.isSet(QStringLiteral("no-auto-ignore")) || !request.excluded.empty();
    request.selection = asGiven ? ColumnSelection::AsGiven : ColumnSelection::Proposed;
    request.maxFeatureLevels = static_cast<std::size_t>(
        arguments.intValue(QStringLiteral("max-levels"), static_cast<std::int64_t>(request.maxFeatureLevels)));
    auto task = targetTask(arguments.value(QStringLiteral("task")));
    if (!task.isOk())
        return task.status();
    request.task = task.value();
    if (arguments.isSet(QStringLiteral("impute-missing")))
        request.missing = MissingValues::Impute;
    auto scaling = scalingChoice(arguments);
    if (!scaling.isOk())
        return scaling.status();
    request.scaling = scaling.value();
    request.testFraction = arguments.doubleValue(QStringLiteral("test-fraction"), request.testFraction);
    return request;
}

// Reads the CSV at `path` into request.table; what the workspace records about the file goes to
// `loaded`.
Status readCsv(const ParsedArguments &arguments, const QString &path, TrainingDataRequest &request,
               LoadedTrainingData &loaded)
{
    auto csvOptions = CsvArguments::toOptions(arguments);
    if (!csvOptions.isOk())
        return csvOptions.status();
    auto report = CsvReader(csvOptions.value()).readFile(toNativePath(path));
    if (!report.isOk())
        return report.status();
    Table &table = report.value().table;
    if (Status typed = CsvArguments::checkTypeColumns(csvOptions.value(), table, path); !typed.isOk())
        return typed;
    loaded.csvPath = QFileInfo(path).absoluteFilePath();
    loaded.tableRows = table.rowCount();
    loaded.tableColumns = table.columnCount();
    loaded.schemaJson = DatasetRecorder::shapeOf(table).schemaJson;
    request.tableName = toUtf8(QFileInfo(path).fileName());
    request.table = std::make_shared<const Table>(std::move(table));
    return Status::ok();
}

Result<TrainingDataRequest> csvFileRequest(const ParsedArguments &arguments, const QString &path,
                                           LoadedTrainingData &loaded)
{
    if (!arguments.isSet(QStringLiteral("target")))
        return usageError(QStringLiteral("option --target COL is required when --data is a CSV file (the column to predict)"));
    if (arguments.isSet(QStringLiteral("limit")))
        return usageError(QStringLiteral("option --limit applies to --data fashion-mnist only"));
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return readable;
    auto request = csvRequest(arguments);
    if (!request.isOk())
        return request.status();
    if (Status read = readCsv(arguments, path, request.value(), loaded); !read.isOk())
        return read;
    return request;
}

// --class-weight none|balanced and --resample none|oversample|undersample (nullopt when not given).
Status classBalanceChoice(const ParsedArguments &arguments, TrainingDataRequest &request)
{
    if (arguments.isSet(QStringLiteral("class-weight"))) {
        const QString name = arguments.value(QStringLiteral("class-weight"));
        const auto weighting = classWeightingFromName(toUtf8(name));
        if (!weighting)
            return usageError(QStringLiteral("option --class-weight: '%1' is not one of none, balanced").arg(name));
        request.classWeighting = *weighting;
    }
    if (arguments.isSet(QStringLiteral("resample"))) {
        const QString name = arguments.value(QStringLiteral("resample"));
        const auto resampling = resamplingFromName(toUtf8(name));
        if (!resampling)
            return usageError(
                QStringLiteral("option --resample: '%1' is not one of none, oversample, undersample").arg(name));
        request.resampling = *resampling;
    }
    return Status::ok();
}

} // namespace

void TrainingDataArguments::declare(ArgumentParser &parser)
{
    parser.addTextOption(QStringLiteral("data"), QStringLiteral("SOURCE"),
                         QStringLiteral("fashion-mnist, or a CSV file"))
        .required();
    parser.addTextOption(QStringLiteral("target"), QStringLiteral("COL"),
                         QStringLiteral("CSV: the column to predict (required for a CSV)"));
    parser.addTextOption(QStringLiteral("exclude"), QStringLiteral("COL"),
                         QStringLiteral("CSV: a column that is not a feature; given, only these are left out (no "
                                        "automatic choice)"))
        .repeatable();
    parser.addTextOption(QStringLiteral("keep"), QStringLiteral("COL"),
                         QStringLiteral("CSV: a column that stays a feature even if the automatic choice would leave it "
                                        "out"))
        .repeatable();
    parser.addFlag(QStringLiteral("no-auto-ignore"),
                   QStringLiteral("CSV: use every column but the target and --exclude (no automatic choice; missing "
                                  "values are then an error unless --impute-missing)"));
    parser.addTextOption(QStringLiteral("task"), QStringLiteral("KIND"),
                         QStringLiteral("CSV: auto (default), classification or regression (for an integer target)"));
    parser.addIntegerOption(QStringLiteral("max-levels"), QStringLiteral("N"),
                            QStringLiteral("CSV: one-hot cap for text feature columns (default 20)"), 1, 10000);
    parser.addFlag(QStringLiteral("impute-missing"),
                   QStringLiteral("CSV: fill missing features (training mean; no level for text) instead of failing "
                                  "(the automatic choice does so when a feature has missing values)"));
    parser.addFlag(QStringLiteral("no-standardize"),
                   QStringLiteral("CSV: keep numeric features as they are (same as --scale none)"));
    parser.addTextOption(QStringLiteral("scale"), QStringLiteral("METHOD"),
                         QStringLiteral("CSV: standard, minmax, mean, l1, l2 or none, fitted on training rows (default: the "
                                        "spec's \"scaling\", else standard)"));
    parser.addTextOption(QStringLiteral("class-weight"), QStringLiteral("MODE"),
                         QStringLiteral("class target: none (default) or balanced (weight n / (k n_c) per class in the "
                                        "loss)"));
    parser.addTextOption(QStringLiteral("resample"), QStringLiteral("MODE"),
                         QStringLiteral("class target: none (default), oversample (minority classes up to the largest) "
                                        "or undersample (every class down to the smallest); training rows only, "
                                        "seeded"));
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

Result<LoadedTrainingData> TrainingDataArguments::load(const ParsedArguments &arguments, const ModelSpec &spec)
{
    LoadedTrainingData loaded;
    const QString source = arguments.value(QStringLiteral("data"));
    auto request = source == QLatin1String(s_fashionMnist) ? fashionMnistRequest(arguments)
                                                           : csvFileRequest(arguments, source, loaded);
    if (!request.isOk())
        return request.status();
    if (arguments.isSet(QStringLiteral("validation-fraction")))
        request.value().validationFraction = arguments.doubleValue(QStringLiteral("validation-fraction"), 0.0);
    if (Status balance = classBalanceChoice(arguments, request.value()); !balance.isOk())
        return balance;
    auto prepared = TrainingDataService::prepare(request.value(), spec);
    if (!prepared.isOk())
        return prepared.status();
    loaded.data = prepared.takeValue();
    loaded.request = request.takeValue();
    return loaded;
}

void TrainingDataArguments::reportPlan(CliContext &context, const TrainingData &data)
{
    if (!data.featurePlan)
        return;
    const FeaturePlan &plan = *data.featurePlan;
    std::string left;
    for (const FeatureColumn &column : plan.columns) {
        if (column.role == FeatureRole::Ignored)
            left += "\n  " + column.name + ": " + column.detail;
    }
    if (!left.empty()) {
        const std::string how = plan.selection == ColumnSelection::Proposed
                                    ? " (automatic choice; --keep COL uses one, --no-auto-ignore turns it off)"
                                    : "";
        context.err() << "loupe-cli " << toUtf8(context.commandName()) << ": left out " << plan.ignoredCount()
                      << " column(s)" << how << ":" << left << '\n';
    }
    if (plan.missing == MissingValues::Impute && !plan.missingChosen)
        context.err() << "loupe-cli " << toUtf8(context.commandName()) << ": missing values: " << plan.missingNote << '\n';
    if (plan.suggestedWeighting != ClassWeighting::None && plan.classWeighting == ClassWeighting::None
        && plan.resampling == Resampling::None) {
        context.err() << "loupe-cli " << toUtf8(context.commandName()) << ": class balance: " << plan.balanceNote
                      << ": balanced class weights are suggested (--class-weight balanced applies them)\n";
    }
    if (data.classBalance && data.classBalance->isActive()) {
        const ClassBalance &balance = *data.classBalance;
        std::string line;
        for (std::size_t c = 0; c < balance.countsBefore.size(); ++c) {
            line += (c ? ", " : "") + (c < balance.labels.size() ? balance.labels[c] : std::to_string(c)) + " "
                    + std::to_string(balance.countsBefore[c]);
            if (balance.resampling != Resampling::None)
                line += " -> " + std::to_string(balance.countsAfter[c]);
            if (!balance.weights.empty())
                line += " (weight " + toUtf8(QString::number(balance.weights[c], 'g', 4)) + ")";
        }
        context.err() << "loupe-cli " << toUtf8(context.commandName()) << ": class balance: class weight "
                      << classWeightingName(balance.weighting) << ", resample " << resamplingName(balance.resampling)
                      << "; training rows " << line << '\n';
    }
    context.err().flush();
}

Result<std::optional<qint64>> storeTrainDataset(Store &store, const LoadedTrainingData &data)
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
