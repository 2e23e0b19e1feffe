#include "jobs/StoredTrainRuns.h"

#include "jobs/StoredRunListing.h"
#include "jobs/StoredRunSummary.h"

#include "core/lr/LossSmoother.h"
#include "db/runs/RunRepository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

#include <cmath>

namespace loupe {

namespace {

double valueOrNan(const std::optional<double> &value)
{
    return value ? *value : std::nan("");
}

} // namespace

StoredTrainRun StoredTrainRuns::describe(const RunRecord &record)
{
    StoredTrainRun run;
    run.record = record;
    const QJsonObject config = StoredRunSummary::jsonObject(record.configJson);
    run.specName = config.value(QStringLiteral("name")).toString();
    const QJsonObject summary = StoredRunSummary::jsonObject(record.summaryJson);
    run.epochsCompleted = summary.value(QStringLiteral("epochs_completed")).toInt();
    const QJsonValue accuracy = summary.value(QStringLiteral("test_accuracy"));
    run.testAccuracy = accuracy.isDouble() ? accuracy.toDouble() : std::nan("");
    run.message = summary.value(QStringLiteral("message")).toString();
    // An interrupted run's summary is the one it started with; why it stopped is in the error.
    if (run.message.isEmpty() || record.status == RunStatus::Interrupted)
        run.message = record.error;
    run.dataSource = summary.value(QStringLiteral("data")).toObject().value(QStringLiteral("source")).toString();
    run.scaling = scalingText(summary.value(QStringLiteral("scaling")).toObject());
    return run;
}

QString StoredTrainRuns::scalingText(const QJsonObject &scaling)
{
    const QString method = scaling.value(QStringLiteral("method")).toString();
    if (method.isEmpty())
        return {};
    const QJsonArray columns = scaling.value(QStringLiteral("columns")).toArray();
    QStringList lines{QObject::tr("Scaling: %1, fitted on the %2 training rows only")
                          .arg(method)
                          .arg(scaling.value(QStringLiteral("train_rows")).toInteger())};
    QStringList names;
    for (const QJsonValue &value : columns)
        names << value.toObject().value(QStringLiteral("name")).toString();
    if (method == QLatin1String("none"))
        return lines.front() + QLatin1Char('\n') + QObject::tr("as they are: %1").arg(names.join(QStringLiteral(", ")));
    if (method == QLatin1String("l1") || method == QLatin1String("l2"))
        return lines.front() + QLatin1Char('\n')
               + QObject::tr("each row divided by its %1 norm over %2").arg(method.toUpper(), names.join(QStringLiteral(", ")));
    auto number = [](const QJsonObject &column, const char *key) {
        return QString::number(column.value(QLatin1String(key)).toDouble(), 'g', 6);
    };
    for (const QJsonValue &value : columns) {
        const QJsonObject column = value.toObject();
        const QString name = column.value(QStringLiteral("name")).toString();
        if (method == QLatin1String("standard"))
            lines << QObject::tr("%1: mean %2, stddev %3").arg(name, number(column, "mean"), number(column, "stddev"));
        else if (method == QLatin1String("minmax"))
            lines << QObject::tr("%1: min %2, max %3").arg(name, number(column, "min"), number(column, "max"));
        else
            lines << QObject::tr("%1: mean %2, min %3, max %4")
                         .arg(name, number(column, "mean"), number(column, "min"), number(column, "max"));
    }
    return lines.join(QLatin1Char('\n'));
}

Result<std::vector<StoredTrainRun>> StoredTrainRuns::list(int limit)
{
    // A search's trials are trained runs too; they belong to the Search page (its Training curves
    // tab), and a large study would push the user's own runs out of the list.
    return StoredRunListing::list(m_store, RunKind::Train, limit, &StoredTrainRuns::describe,
                                  RunRepository::TrialRuns::Exclude);
}

std::vector<Result<RunCurves>> StoredTrainRuns::curves(const std::vector<StoredTrainRun> &runs)
{
    RunRepository repository(m_store);
    std::vector<Result<RunCurves>> curves;
    curves.reserve(runs.size());
    for (const StoredTrainRun &run : runs)
        curves.push_back(
            readCurves(repository, run.record, QStringLiteral("run %1 · %2").arg(run.record.id).arg(run.specName)));
    return curves;
}

Result<RunCurves> StoredTrainRuns::readCurves(RunRepository &runs, const RunRecord &record, const QString &label)
{
    auto epochs = runs.epochMetrics(record.id);
    if (!epochs.isOk())
        return epochs.status();
    auto steps = runs.stepMetrics(record.id);
    if (!steps.isOk())
        return steps.status();
    RunCurves curves;
    curves.storedRunId = record.id;
    curves.label = label;
    curves.classification = StoredRunSummary::jsonObject(record.summaryJson).value(QStringLiteral("task")).toString()
                            != QLatin1String("regression");
    for (const EpochMetrics &epoch : epochs.value()) {
        curves.epochs.append(epoch.epoch);
        curves.loss.append(valueOrNan(epoch.loss));
        curves.valLoss.append(valueOrNan(epoch.valLoss));
        curves.accuracy.append(valueOrNan(epoch.accuracy));
        curves.valAccuracy.append(valueOrNan(epoch.valAccuracy));
        curves.epochLearningRate.append(valueOrNan(epoch.learningRate));
    }
    LossSmoother smoother;
    for (const StepMetric &step : steps.value()) {
        curves.steps.append(double(step.step));
        curves.stepLoss.append(step.loss);
        curves.smoothedLoss.append(smoother.add(step.loss));
        curves.stepLearningRate.append(step.learningRate);
    }
    return curves;
}

} // namespace loupe
