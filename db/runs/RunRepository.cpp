#include "db/runs/RunRepository.h"

#include "db/runs/RunInterruption.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"
#include "db/store/UtcTimestamp.h"

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

const QString s_runColumns = QStringLiteral("id, kind, dataset_id, config_json, status, started_at, heartbeat_at, "
                                            "finished_at, seconds, error, summary_json, owner_host, owner_pid, "
                                            "owner_boot");

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
    record.owner.host = query.value(11).toString();
    record.owner.pid = query.value(12).toLongLong();
    record.owner.boot = query.value(13).toString();
    return record;
}

std::string noRun(qint64 runId)
{
    return "no run " + std::to_string(runId);
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
    const QString now = UtcTimestamp::now();
    const RunOwner &owner = RunOwner::current();
    return m_store.insertReturningId(
        QStringLiteral("INSERT INTO runs (kind, dataset_id, config_json, summary_json, status, started_at, "
                       "heartbeat_at, owner_host, owner_pid, owner_boot) "
                       "VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?) RETURNING id"),
        {runKindName(kind), datasetId ? QVariant(*datasetId) : QVariant(),
         configJson.isEmpty() ? QStringLiteral("{}") : configJson,
         startSummaryJson.isEmpty() ? QVariant() : QVariant(startSummaryJson), now, now, owner.host,
         owner.pid > 0 ? QVariant(owner.pid) : QVariant(), owner.boot.isEmpty() ? QVariant() : QVariant(owner.boot)},
        "creating a run");
}

Status RunRepository::finishRun(qint64 runId, RunStatus status, double seconds, const QString &summaryJson,
                                const QString &error)
{
    Q_ASSERT(status != RunStatus::Running);
    if (status == RunStatus::Running)
        return Status::invalidInput("finishRun: status 'running' does not finish run " + std::to_string(runId));
    const QString now = UtcTimestamp::now();
    return m_store.changeOne(QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, heartbeat_at = ?, "
                                            "seconds = ?, summary_json = ?, error = ? WHERE id = ?"),
                             {runStatusName(status), now, now, storedDouble(seconds),
                              summaryJson.isEmpty() ? QVariant() : QVariant(summaryJson),
                              error.isEmpty() ? QVariant() : QVariant(error), runId},
                             noRun(runId));
}

Status RunRepository::touchRun(qint64 runId)
{
    // A run presumed interrupted (no heartbeat from another host for a while) that beats again was
    // only slow: it is running. Every right-hand side sees the row as it was.
    return m_store.changeOne(
        QStringLiteral("UPDATE runs SET heartbeat_at = ?, "
                       "finished_at = CASE WHEN status = 'interrupted' THEN NULL ELSE finished_at END, "
                       "error = CASE WHEN status = 'interrupted' THEN NULL ELSE error END, "
                       "status = CASE WHEN status = 'interrupted' THEN 'running' ELSE status END WHERE id = ?"),
        {UtcTimestamp::now(), runId}, noRun(runId));
}

Status RunRepository::insertEpoch(qint64 runId, const EpochMetrics &metrics)
{
    const auto values = namedValues(metrics);
    if (values.empty())
        return Status::ok();
    QVariantList bound;
    for (const auto &[name, value] : values)
        bound << runId << metrics.epoch << name << storedDouble(value);
    return m_store.exec(QStringLiteral("INSERT INTO epoch_metrics (run_id, epoch, name, value) VALUES ")
                            + placeholders(int(values.size()), 4)
                            + QStringLiteral(" ON CONFLICT (run_id, epoch, name) DO UPDATE SET value = excluded.value"),
                        bound);
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
    QVariantList bound;
    bound.reserve(count * 4);
    for (int i = 0; i < count; ++i)
        bound << runId << steps[i].step << storedDouble(steps[i].loss) << storedDouble(steps[i].learningRate);
    return m_store.execPrepared(query, bound);
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
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_runColumns + QStringLiteral(" FROM runs WHERE id = ?"),
                               {runId}, readRun);
}

Result<std::vector<RunRecord>> RunRepository::listRuns(std::optional<RunKind> kind, int limit, TrialRuns trialRuns)
{
    QString sql = QStringLiteral("SELECT ") + s_runColumns + QStringLiteral(" FROM runs WHERE 1 = 1");
    QVariantList values;
    if (kind) {
        sql += QStringLiteral(" AND kind = ?");
        values << runKindName(*kind);
    }
    if (trialRuns == TrialRuns::Exclude)
        sql += QStringLiteral(" AND id NOT IN (SELECT run_id FROM trials WHERE run_id IS NOT NULL)");
    sql += QStringLiteral(" ORDER BY started_at DESC, id DESC");
    if (limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values << limit;
    }
    return m_store.selectAll(sql, values, readRun);
}

Result<std::vector<EpochMetrics>> RunRepository::epochMetrics(qint64 runId)
{
    std::vector<EpochMetrics> epochs;
    const Status status = m_store.forEachRow(
        QStringLiteral("SELECT epoch, name, value FROM epoch_metrics WHERE run_id = ? ORDER BY epoch, name"), {runId},
        [&epochs](const QSqlQuery &row) {
            const int epoch = row.value(0).toInt();
            if (epochs.empty() || epochs.back().epoch != epoch) {
                epochs.emplace_back();
                epochs.back().epoch = epoch;
            }
            assignMetric(epochs.back(), row.value(1).toString(), loadedDouble(row.value(2)));
        });
    if (!status.isOk())
        return status;
    return epochs;
}

Result<std::vector<StepMetric>> RunRepository::stepMetrics(qint64 runId)
{
    return m_store.selectAll(
        QStringLiteral("SELECT step, loss, lr FROM step_metrics WHERE run_id = ? ORDER BY step"), {runId},
        [](const QSqlQuery &row) {
            return StepMetric{row.value(0).toLongLong(), loadedDouble(row.value(1)), loadedDouble(row.value(2))};
        });
}

Result<std::vector<RunRecord>> RunRepository::markInterrupted(std::chrono::seconds staleAfter)
{
    // The running runs with their heartbeat as stored: the update below only takes a run whose
    // heartbeat has not moved since, so a run that beats meanwhile is left running.
    auto running = m_store.selectAll(QStringLiteral("SELECT ") + s_runColumns
                                         + QStringLiteral(", heartbeat_at FROM runs WHERE status = 'running'"),
                                     {}, [](const QSqlQuery &row) {
                                         return std::pair{readRun(row), row.value(14).toString()};
                                     });
    if (!running.isOk())
        return running.status();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<RunRecord> marked;
    for (auto &[record, storedHeartbeat] : running.value()) {
        const std::optional<QString> reason = RunInterruption::reason(record, RunOwner::current(), now, staleAfter);
        if (!reason)
            continue;
        auto changed = m_store.change(QStringLiteral("UPDATE runs SET status = 'interrupted', finished_at = ?, "
                                                     "error = ? WHERE id = ? AND status = 'running' AND heartbeat_at = ?"),
                                      {UtcTimestamp::format(now), *reason, record.id, storedHeartbeat});
        if (!changed.isOk())
            return changed.status();
        if (changed.value() != 1)
            continue;
        record.status = RunStatus::Interrupted;
        record.finishedAt = now;
        record.error = *reason;
        marked.push_back(std::move(record));
    }
    return marked;
}

Status RunRepository::deleteRun(qint64 runId)
{
    return m_store.changeOne(QStringLiteral("DELETE FROM runs WHERE id = ?"), {runId}, noRun(runId));
}

} // namespace loupe
