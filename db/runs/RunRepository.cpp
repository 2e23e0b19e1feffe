#include "db/runs/RunRepository.h"

#include "db/store/Store.h"
#include "db/store/Transaction.h"
#include "db/store/UtcTimestamp.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {
namespace {

// Rows per multi-row INSERT. Measured on SQLite (Qt 6.4 QSQLITE): re-using one prepared
// 64-row statement inserts ~350k rows/s; 250-row statements are slower (the driver looks
// bound parameters up by position, quadratic in their number) and so is one row per statement.
// Multi-row statements also save round trips on PostgreSQL.
constexpr int s_stepChunkRows = 64;

const QString s_runColumns = QStringLiteral(
    "id, kind, dataset_id, config_json, status, started_at, heartbeat_at, finished_at, seconds, error, summary_json");

// Non-finite values are stored as NULL (portable across SQLite and PostgreSQL).
QVariant storedDouble(double value)
{
    return std::isfinite(value) ? QVariant(value) : QVariant();
}

double loadedDouble(const QVariant &value)
{
    return value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
}

// "(?, ?, ?), (?, ?, ?)" for rows x columns placeholders.
QString placeholders(int rows, int columns)
{
    QStringList row;
    for (int c = 0; c < columns; ++c)
        row << QStringLiteral("?");
    const QString one = QLatin1Char('(') + row.join(QStringLiteral(", ")) + QLatin1Char(')');
    QStringList all;
    all.reserve(rows);
    for (int r = 0; r < rows; ++r)
        all << one;
    return all.join(QStringLiteral(", "));
}

RunRecord readRun(const QSqlQuery &query)
{
    RunRecord record;
    record.id = query.value(0).toLongLong();
    record.kind = runKindFromName(query.value(1).toString()).value_or(RunKind::Train);
    if (!query.value(2).isNull())
        record.datasetId = query.value(2).toLongLong();
    record.configJson = query.value(3).toString();
    record.status = runStatusFromName(query.value(4).toString()).value_or(RunStatus::Failed);
    record.startedAt = UtcTimestamp::parse(query.value(5).toString());
    record.heartbeatAt = UtcTimestamp::parse(query.value(6).toString());
    record.finishedAt = UtcTimestamp::parse(query.value(7).toString());
    if (!query.value(8).isNull())
        record.seconds = query.value(8).toDouble();
    record.error = query.value(9).toString();
    record.summaryJson = query.value(10).toString();
    return record;
}

// Stores `value` under `name` in the epoch's standard fields, or in `extra`.
void assignMetric(EpochMetrics &metrics, const QString &name, double value)
{
    static const std::pair<const char *, std::optional<double> EpochMetrics::*> s_fields[] = {
        {"loss", &EpochMetrics::loss},           {"accuracy", &EpochMetrics::accuracy},
        {"val_loss", &EpochMetrics::valLoss},     {"val_accuracy", &EpochMetrics::valAccuracy},
        {"lr", &EpochMetrics::learningRate},      {"seconds", &EpochMetrics::seconds},
    };
    for (const auto &[fieldName, member] : s_fields) {
        if (name == QLatin1String(fieldName)) {
            metrics.*member = value;
            return;
        }
    }
    metrics.extra.emplace_back(name, value);
}

std::vector<std::pair<QString, double>> namedValues(const EpochMetrics &metrics)
{
    std::vector<std::pair<QString, double>> values;
    const std::pair<const char *, const std::optional<double> *> fields[] = {
        {"loss", &metrics.loss},          {"accuracy", &metrics.accuracy},
        {"val_loss", &metrics.valLoss},   {"val_accuracy", &metrics.valAccuracy},
        {"lr", &metrics.learningRate},    {"seconds", &metrics.seconds},
    };
    for (const auto &[name, value] : fields) {
        if (value->has_value())
            values.emplace_back(QString::fromLatin1(name), **value);
    }
    values.insert(values.end(), metrics.extra.begin(), metrics.extra.end());
    return values;
}

} // namespace

Result<qint64> RunRepository::createRun(RunKind kind, std::optional<qint64> datasetId, const QString &configJson,
                                        const QString &startSummaryJson)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("INSERT INTO runs (kind, dataset_id, config_json, summary_json, "
                                                          "status, started_at, heartbeat_at) "
                                                          "VALUES (?, ?, ?, ?, 'running', ?, ?) RETURNING id"));
    if (!status.isOk())
        return status;
    const QString now = UtcTimestamp::now();
    query.addBindValue(runKindName(kind));
    query.addBindValue(datasetId ? QVariant(*datasetId) : QVariant());
    query.addBindValue(configJson.isEmpty() ? QStringLiteral("{}") : configJson);
    query.addBindValue(startSummaryJson.isEmpty() ? QVariant() : QVariant(startSummaryJson));
    query.addBindValue(now);
    query.addBindValue(now);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    if (!query.next())
        return Status::ioError("creating a run returned no id in " + m_store.location().toStdString());
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

Status RunRepository::finishRun(qint64 runId, RunStatus status, double seconds, const QString &summaryJson,
                                const QString &error)
{
    Q_ASSERT(status != RunStatus::Running);
    if (status == RunStatus::Running)
        return Status::invalidInput("finishRun: status 'running' does not finish run " + std::to_string(runId));
    QSqlQuery query = m_store.query();
    Status result = m_store.prepare(query, QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, "
                                                          "heartbeat_at = ?, seconds = ?, summary_json = ?, "
                                                          "error = ? WHERE id = ?"));
    if (!result.isOk())
        return result;
    const QString now = UtcTimestamp::now();
    query.addBindValue(runStatusName(status));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(storedDouble(seconds));
    query.addBindValue(summaryJson.isEmpty() ? QVariant() : QVariant(summaryJson));
    query.addBindValue(error.isEmpty() ? QVariant() : QVariant(error));
    query.addBindValue(runId);
    result = m_store.execPrepared(query);
    if (result.isOk() && query.numRowsAffected() != 1)
        return Status::invalidInput("no run " + std::to_string(runId) + " in " + m_store.location().toStdString());
    return result;
}

Status RunRepository::touchRun(qint64 runId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("UPDATE runs SET heartbeat_at = ? WHERE id = ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(UtcTimestamp::now());
    query.addBindValue(runId);
    status = m_store.execPrepared(query);
    if (status.isOk() && query.numRowsAffected() != 1)
        return Status::invalidInput("no run " + std::to_string(runId) + " in " + m_store.location().toStdString());
    return status;
}

Status RunRepository::insertEpoch(qint64 runId, const EpochMetrics &metrics)
{
    const auto values = namedValues(metrics);
    if (values.empty())
        return Status::ok();
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("INSERT INTO epoch_metrics (run_id, epoch, name, value) "
                                                          "VALUES ") + placeholders(int(values.size()), 4)
                                               + QStringLiteral(" ON CONFLICT (run_id, epoch, name) "
                                                                "DO UPDATE SET value = excluded.value"));
    if (!status.isOk())
        return status;
    for (const auto &[name, value] : values) {
        query.addBindValue(runId);
        query.addBindValue(metrics.epoch);
        query.addBindValue(name);
        query.addBindValue(storedDouble(value));
    }
    return m_store.execPrepared(query);
}

Status RunRepository::addEpochMetrics(qint64 runId, const EpochMetrics &metrics)
{
    return addEpochMetrics(runId, std::vector<EpochMetrics>{metrics});
}

Status RunRepository::addEpochMetrics(qint64 runId, const std::vector<EpochMetrics> &metrics)
{
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    Status status = touchRun(runId);
    for (std::size_t i = 0; status.isOk() && i < metrics.size(); ++i)
        status = insertEpoch(runId, metrics[i]);
    return status.isOk() ? tx.value().commit() : status;
}

Status RunRepository::insertStepChunk(QSqlQuery &query, qint64 runId, const StepMetric *steps, int count)
{
    if (query.lastQuery().isEmpty()) {
        const Status status = m_store.prepare(
            query, QStringLiteral("INSERT INTO step_metrics (run_id, step, loss, lr) VALUES ") + placeholders(count, 4)
                       + QStringLiteral(" ON CONFLICT (run_id, step) DO UPDATE SET loss = excluded.loss, lr = excluded.lr"));
        if (!status.isOk())
            return status;
    }
    for (int i = 0; i < count; ++i) {
        query.addBindValue(runId);
        query.addBindValue(steps[i].step);
        query.addBindValue(storedDouble(steps[i].loss));
        query.addBindValue(storedDouble(steps[i].learningRate));
    }
    return m_store.execPrepared(query);
}

Status RunRepository::addStepMetrics(qint64 runId, const std::vector<StepMetric> &steps)
{
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    Status status = touchRun(runId);
    // One statement prepared for the full chunks and one for the tail, each re-used.
    QSqlQuery fullChunk = m_store.query();
    QSqlQuery tail = m_store.query();
    for (std::size_t first = 0; status.isOk() && first < steps.size(); first += s_stepChunkRows) {
        const int count = int(std::min<std::size_t>(s_stepChunkRows, steps.size() - first));
        status = insertStepChunk(count == s_stepChunkRows ? fullChunk : tail, runId, steps.data() + first, count);
    }
    fullChunk.finish();
    tail.finish();
    return status.isOk() ? tx.value().commit() : status;
}

Result<std::optional<RunRecord>> RunRepository::findRun(qint64 runId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT ") + s_runColumns
                                               + QStringLiteral(" FROM runs WHERE id = ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(runId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    if (!query.next())
        return std::optional<RunRecord>();
    return std::optional<RunRecord>(readRun(query));
}

Result<std::vector<RunRecord>> RunRepository::listRuns(std::optional<RunKind> kind, int limit, TrialRuns trialRuns)
{
    QString sql = QStringLiteral("SELECT ") + s_runColumns + QStringLiteral(" FROM runs WHERE 1 = 1");
    if (kind)
        sql += QStringLiteral(" AND kind = ?");
    if (trialRuns == TrialRuns::Exclude)
        sql += QStringLiteral(" AND id NOT IN (SELECT run_id FROM trials WHERE run_id IS NOT NULL)");
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT ?");
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, sql);
    if (!status.isOk())
        return status;
    if (kind)
        query.addBindValue(runKindName(*kind));
    if (limit > 0)
        query.addBindValue(limit);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    std::vector<RunRecord> runs;
    while (query.next())
        runs.push_back(readRun(query));
    return runs;
}

Result<std::vector<EpochMetrics>> RunRepository::epochMetrics(qint64 runId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT epoch, name, value FROM epoch_metrics "
                                                          "WHERE run_id = ? ORDER BY epoch, name"));
    if (!status.isOk())
        return status;
    query.addBindValue(runId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    std::vector<EpochMetrics> epochs;
    while (query.next()) {
        const int epoch = query.value(0).toInt();
        if (epochs.empty() || epochs.back().epoch != epoch) {
            epochs.emplace_back();
            epochs.back().epoch = epoch;
        }
        assignMetric(epochs.back(), query.value(1).toString(), loadedDouble(query.value(2)));
    }
    return epochs;
}

Result<std::vector<StepMetric>> RunRepository::stepMetrics(qint64 runId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT step, loss, lr FROM step_metrics "
                                                          "WHERE run_id = ? ORDER BY step"));
    if (!status.isOk())
        return status;
    query.addBindValue(runId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    std::vector<StepMetric> steps;
    while (query.next())
        steps.push_back({query.value(0).toLongLong(), loadedDouble(query.value(1)), loadedDouble(query.value(2))});
    return steps;
}

Result<int> RunRepository::markStaleRunning(std::chrono::seconds staleAfter)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("UPDATE runs SET status = 'failed', finished_at = ?, "
                                                          "error = ? || heartbeat_at || ')' "
                                                          "WHERE status = 'running' AND heartbeat_at <= ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(UtcTimestamp::format(now));
    query.addBindValue(QStringLiteral("interrupted: the run's process stopped (no heartbeat since "));
    query.addBindValue(UtcTimestamp::format(now.addSecs(-staleAfter.count())));
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    return query.numRowsAffected();
}

Status RunRepository::deleteRun(qint64 runId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("DELETE FROM runs WHERE id = ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(runId);
    status = m_store.execPrepared(query);
    if (status.isOk() && query.numRowsAffected() != 1)
        return Status::invalidInput("no run " + std::to_string(runId) + " in " + m_store.location().toStdString());
    return status;
}

} // namespace loupe
