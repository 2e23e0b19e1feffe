#include "ui/models/StoredTrainRuns.h"

#include "core/lr/LossSmoother.h"
#include "db/RunRepository.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace loupe {

namespace {

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

double valueOrNan(const std::optional<double> &value)
{
    return value ? *value : std::nan("");
}

} // namespace

StoredTrainRuns::StoredTrainRuns(QString workspace) : m_store(std::move(workspace)) { }

StoredTrainRuns::~StoredTrainRuns() = default;

StoredTrainRun StoredTrainRuns::describe(const RunRecord &record)
{
    StoredTrainRun run;
    run.record = record;
    const QJsonObject config = parseObject(record.configJson);
    run.specName = config.value(QStringLiteral("name")).toString();
    const QJsonObject summary = parseObject(record.summaryJson);
    run.epochsCompleted = summary.value(QStringLiteral("epochs_completed")).toInt();
    const QJsonValue accuracy = summary.value(QStringLiteral("test_accuracy"));
    run.testAccuracy = accuracy.isDouble() ? accuracy.toDouble() : std::nan("");
    run.message = summary.value(QStringLiteral("message")).toString();
    if (run.message.isEmpty())
        run.message = record.error;
    run.dataSource = summary.value(QStringLiteral("data")).toObject().value(QStringLiteral("source")).toString();
    return run;
}

Result<std::vector<StoredTrainRun>> StoredTrainRuns::list(int limit)
{
    auto opened = m_store.get();
    if (!opened.isOk())
        return opened.status();
    auto records = RunRepository(*opened.value()).listRuns(RunKind::Train, limit);
    if (!records.isOk())
        return records.status();
    std::vector<StoredTrainRun> runs;
    runs.reserve(records.value().size());
    for (const RunRecord &record : records.value())
        runs.push_back(describe(record));
    return runs;
}

Result<RunCurves> StoredTrainRuns::curves(const StoredTrainRun &run)
{
    auto opened = m_store.get();
    if (!opened.isOk())
        return opened.status();
    RunRepository repository(*opened.value());
    auto epochs = repository.epochMetrics(run.record.id);
    if (!epochs.isOk())
        return epochs.status();
    auto steps = repository.stepMetrics(run.record.id);
    if (!steps.isOk())
        return steps.status();
    RunCurves curves;
    curves.storedRunId = run.record.id;
    curves.label = QStringLiteral("run %1 · %2").arg(run.record.id).arg(run.specName);
    curves.classification = parseObject(run.record.summaryJson).value(QStringLiteral("task")).toString()
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
