#include "db/studies/TrialRepository.h"

#include "db/store/Store.h"
#include "db/store/Transaction.h"
#include "db/store/UtcTimestamp.h"

#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <cmath>

namespace loupe {
namespace {

const QString s_trialColumns = QStringLiteral("id, study_id, number, state, params_json, loss, run_id, worker, "
                                              "heartbeat_at, started_at, finished_at, seconds, error, abandoned");

TrialRecord readTrial(const QSqlQuery &query)
{
    TrialRecord record;
    record.id = query.value(0).toLongLong();
    record.studyId = query.value(1).toLongLong();
    record.number = query.value(2).toInt();
    record.state = TrialState::Fail;
    trialStateFromName(query.value(3).toString().toStdString(), record.state);
    record.paramsJson = query.value(4).toString();
    if (!query.value(5).isNull())
        record.loss = query.value(5).toDouble();
    if (!query.value(6).isNull())
        record.runId = query.value(6).toLongLong();
    record.worker = query.value(7).toString();
    record.heartbeatAt = UtcTimestamp::parse(query.value(8).toString());
    record.startedAt = UtcTimestamp::parse(query.value(9).toString());
    record.finishedAt = UtcTimestamp::parse(query.value(10).toString());
    if (!query.value(11).isNull())
        record.seconds = query.value(11).toDouble();
    record.error = query.value(12).toString();
    record.abandoned = query.value(13).toInt() != 0;
    return record;
}

QVariant storedDouble(std::optional<double> value)
{
    return value && std::isfinite(*value) ? QVariant(*value) : QVariant();
}

} // namespace

QString trialStateText(TrialState state)
{
    const std::string_view name = trialStateName(state);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

Status TrialRepository::lockStudy(qint64 studyId)
{
    // SQLite: the enclosing BEGIN IMMEDIATE already holds the database's write lock.
    if (m_store.backend() != StoreBackend::PostgreSql)
        return Status::ok();
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT id FROM studies WHERE id = ? FOR UPDATE"));
    if (!status.isOk())
        return status;
    query.addBindValue(studyId);
    status = m_store.execPrepared(query);
    if (status.isOk() && !query.next())
        return Status::invalidInput("no study " + std::to_string(studyId) + " in " + m_store.location().toStdString());
    return status;
}

Result<TrialCounts> TrialRepository::countsLocked(qint64 studyId)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(
        query, QStringLiteral("SELECT "
                              "COALESCE(SUM(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN state = 'COMPLETE' THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN state = 'FAIL' AND abandoned = 0 THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN state = 'PRUNED' THEN 1 ELSE 0 END), 0), "
                              "COALESCE(SUM(CASE WHEN state = 'FAIL' AND abandoned = 1 THEN 1 ELSE 0 END), 0), "
                              "COALESCE(MAX(number), -1) FROM trials WHERE study_id = ?"));
    if (!status.isOk())
        return status;
    query.addBindValue(studyId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    TrialCounts counts;
    if (query.next()) {
        counts.running = query.value(0).toInt();
        counts.complete = query.value(1).toInt();
        counts.failed = query.value(2).toInt();
        counts.pruned = query.value(3).toInt();
        counts.abandoned = query.value(4).toInt();
        counts.maxNumber = query.value(5).toInt();
    }
    return counts;
}

Result<TrialCounts> TrialRepository::counts(qint64 studyId)
{
    return countsLocked(studyId);
}

Result<std::optional<TrialRecord>> TrialRepository::reserve(qint64 studyId, const QString &paramsJson,
                                                            const QString &worker, int budget, BudgetRule rule)
{
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    if (Status locked = lockStudy(studyId); !locked.isOk())
        return locked;
    auto counts = countsLocked(studyId);
    if (!counts.isOk())
        return counts.status();
    const TrialCounts &tally = counts.value();
    const int used = (rule == BudgetRule::AllTrials ? tally.counted() : tally.successful()) + tally.running;
    if (budget >= 0 && used >= budget)
        return std::optional<TrialRecord>();

    TrialRecord record;
    record.studyId = studyId;
    record.number = tally.maxNumber + 1;
    record.paramsJson = paramsJson.isEmpty() ? QStringLiteral("{}") : paramsJson;
    record.worker = worker;
    const QString stamp = UtcTimestamp::now();
    record.startedAt = record.heartbeatAt = UtcTimestamp::parse(stamp);
    QSqlQuery insert = m_store.query();
    Status status = m_store.prepare(insert, QStringLiteral("INSERT INTO trials (study_id, number, state, params_json, "
                                                           "worker, heartbeat_at, started_at) "
                                                           "VALUES (?, ?, 'RUNNING', ?, ?, ?, ?) RETURNING id"));
    if (!status.isOk())
        return status;
    insert.addBindValue(studyId);
    insert.addBindValue(record.number);
    insert.addBindValue(record.paramsJson);
    insert.addBindValue(worker);
    insert.addBindValue(stamp);
    insert.addBindValue(stamp);
    status = m_store.execPrepared(insert);
    if (!status.isOk())
        return status;
    if (!insert.next())
        return Status::ioError("reserving a trial returned no id in " + m_store.location().toStdString());
    record.id = insert.value(0).toLongLong();
    insert.finish();
    if (Status committed = tx.value().commit(); !committed.isOk())
        return committed;
    return std::optional<TrialRecord>(record);
}

Status TrialRepository::finish(qint64 trialId, const TrialOutcome &outcome)
{
    Q_ASSERT(outcome.state != TrialState::Running);
    if (outcome.state == TrialState::Running)
        return Status::invalidInput("finish: state RUNNING does not end trial " + std::to_string(trialId));
    if (outcome.state == TrialState::Complete && !(outcome.loss && std::isfinite(*outcome.loss)))
        return Status::invalidInput("finish: a COMPLETE trial needs a finite loss (trial " + std::to_string(trialId)
                                    + ")");
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("UPDATE trials SET state = ?, loss = ?, error = ?, "
                                                          "seconds = ?, finished_at = ?, heartbeat_at = ?, "
                                                          "abandoned = 0 WHERE id = ? AND (state = 'RUNNING' OR "
                                                          "(state = 'FAIL' AND abandoned = 1))"));
    if (!status.isOk())
        return status;
    const QString now = UtcTimestamp::now();
    query.addBindValue(trialStateText(outcome.state));
    query.addBindValue(storedDouble(outcome.loss));
    query.addBindValue(outcome.error.isEmpty() ? QVariant() : QVariant(outcome.error));
    query.addBindValue(storedDouble(outcome.seconds));
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(trialId);
    status = m_store.execPrepared(query);
    if (status.isOk() && query.numRowsAffected() != 1)
        return Status::invalidInput("trial " + std::to_string(trialId) + " in " + m_store.location().toStdString()
                                    + " does not exist or has already ended");
    return status;
}

Status TrialRepository::abandon(qint64 trialId, const QString &reason)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, error = ?, "
                                                          "finished_at = ? WHERE id = ? AND state = 'RUNNING'"));
    if (!status.isOk())
        return status;
    query.addBindValue(reason);
    query.addBindValue(UtcTimestamp::now());
    query.addBindValue(trialId);
    return m_store.execPrepared(query);
}

Status TrialRepository::heartbeat(const std::vector<qint64> &trialIds)
{
    if (trialIds.empty())
        return Status::ok();
    QStringList marks;
    for (std::size_t i = 0; i < trialIds.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("UPDATE trials SET heartbeat_at = ? WHERE state = 'RUNNING' "
                                                          "AND id IN (") + marks.join(QStringLiteral(", "))
                                               + QLatin1Char(')'));
    if (!status.isOk())
        return status;
    query.addBindValue(UtcTimestamp::now());
    for (qint64 id : trialIds)
        query.addBindValue(id);
    return m_store.execPrepared(query);
}

Result<int> TrialRepository::reapStale(qint64 studyId, std::chrono::milliseconds grace)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSqlQuery query = m_store.query();
    QString sql = QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, finished_at = ?, "
                                 "error = 'worker lost (no heartbeat since ' || heartbeat_at || ')' "
                                 "WHERE state = 'RUNNING' AND heartbeat_at < ?");
    if (studyId > 0)
        sql += QStringLiteral(" AND study_id = ?");
    Status status = m_store.prepare(query, sql);
    if (!status.isOk())
        return status;
    query.addBindValue(UtcTimestamp::format(now));
    query.addBindValue(UtcTimestamp::format(now.addMSecs(-grace.count())));
    if (studyId > 0)
        query.addBindValue(studyId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    return query.numRowsAffected();
}

Status TrialRepository::linkRun(qint64 trialId, qint64 runId)
{
    QSqlQuery query = m_store.query();
    return m_store.run(query, QStringLiteral("UPDATE trials SET run_id = ? WHERE id = ?"), {runId, trialId});
}

Result<std::vector<TrialRecord>> TrialRepository::list(qint64 studyId)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT ") + s_trialColumns
                      + QStringLiteral(" FROM trials WHERE study_id = ? ORDER BY number");
    if (Status status = m_store.run(query, sql, {studyId}); !status.isOk())
        return status;
    std::vector<TrialRecord> trials;
    while (query.next())
        trials.push_back(readTrial(query));
    return trials;
}

Result<std::vector<TrialOutcomeRow>> TrialRepository::listOutcomes(qint64 studyId)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT id, number, state, loss, seconds, error FROM trials WHERE study_id = ? "
                                       "ORDER BY number");
    if (Status status = m_store.run(query, sql, {studyId}); !status.isOk())
        return status;
    std::vector<TrialOutcomeRow> rows;
    while (query.next()) {
        TrialOutcomeRow row;
        row.id = query.value(0).toLongLong();
        row.number = query.value(1).toInt();
        row.state = TrialState::Fail;
        trialStateFromName(query.value(2).toString().toStdString(), row.state);
        if (!query.value(3).isNull())
            row.loss = query.value(3).toDouble();
        if (!query.value(4).isNull())
            row.seconds = query.value(4).toDouble();
        row.error = query.value(5).toString();
        rows.push_back(std::move(row));
    }
    return rows;
}

Result<std::map<qint64, QString>> TrialRepository::paramsFrom(qint64 studyId, qint64 fromId)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT id, params_json FROM trials WHERE study_id = ? AND id >= ?");
    if (Status status = m_store.run(query, sql, {studyId, fromId}); !status.isOk())
        return status;
    std::map<qint64, QString> params;
    while (query.next())
        params.emplace(query.value(0).toLongLong(), query.value(1).toString());
    return params;
}

Result<std::optional<TrialRecord>> TrialRepository::find(qint64 trialId)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT ") + s_trialColumns + QStringLiteral(" FROM trials WHERE id = ?");
    if (Status status = m_store.run(query, sql, {trialId}); !status.isOk())
        return status;
    if (!query.next())
        return std::optional<TrialRecord>();
    return std::optional<TrialRecord>(readTrial(query));
}

Result<std::optional<TrialRecord>> TrialRepository::findNumber(qint64 studyId, int number)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT ") + s_trialColumns
                      + QStringLiteral(" FROM trials WHERE study_id = ? AND number = ?");
    if (Status status = m_store.run(query, sql, {studyId, number}); !status.isOk())
        return status;
    if (!query.next())
        return std::optional<TrialRecord>();
    return std::optional<TrialRecord>(readTrial(query));
}

Result<std::optional<TrialRecord>> TrialRepository::best(qint64 studyId, bool maximize)
{
    QSqlQuery query = m_store.query();
    Status status = m_store.prepare(query, QStringLiteral("SELECT ") + s_trialColumns
                                               + QStringLiteral(" FROM trials WHERE study_id = ? AND state = 'COMPLETE' "
                                                                "AND loss IS NOT NULL ORDER BY loss ")
                                               + (maximize ? QStringLiteral("DESC") : QStringLiteral("ASC"))
                                               + QStringLiteral(", number LIMIT 1"));
    if (!status.isOk())
        return status;
    query.addBindValue(studyId);
    status = m_store.execPrepared(query);
    if (!status.isOk())
        return status;
    if (!query.next())
        return std::optional<TrialRecord>();
    return std::optional<TrialRecord>(readTrial(query));
}

} // namespace loupe
