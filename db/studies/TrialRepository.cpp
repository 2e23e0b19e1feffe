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
    auto locked = m_store.selectFirst(QStringLiteral("SELECT id FROM studies WHERE id = ? FOR UPDATE"), {studyId},
                                      [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
    if (!locked.isOk())
        return locked.status();
    if (!locked.value())
        return Status::invalidInput("no study " + std::to_string(studyId) + " in " + m_store.location().toStdString());
    return Status::ok();
}

Result<TrialCounts> TrialRepository::countsLocked(qint64 studyId)
{
    auto counted = m_store.selectFirst(
        QStringLiteral("SELECT "
                       "COALESCE(SUM(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN state = 'COMPLETE' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN state = 'FAIL' AND abandoned = 0 THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN state = 'PRUNED' THEN 1 ELSE 0 END), 0), "
                       "COALESCE(SUM(CASE WHEN state = 'FAIL' AND abandoned = 1 THEN 1 ELSE 0 END), 0), "
                       "COALESCE(MAX(number), -1) FROM trials WHERE study_id = ?"),
        {studyId}, [](const QSqlQuery &row) {
            TrialCounts counts;
            counts.running = row.value(0).toInt();
            counts.complete = row.value(1).toInt();
            counts.failed = row.value(2).toInt();
            counts.pruned = row.value(3).toInt();
            counts.abandoned = row.value(4).toInt();
            counts.maxNumber = row.value(5).toInt();
            return counts;
        });
    if (!counted.isOk())
        return counted.status();
    return counted.value().value_or(TrialCounts());
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
    auto id = m_store.insertReturningId(
        QStringLiteral("INSERT INTO trials (study_id, number, state, params_json, worker, heartbeat_at, started_at) "
                       "VALUES (?, ?, 'RUNNING', ?, ?, ?, ?) RETURNING id"),
        {studyId, record.number, record.paramsJson, worker, stamp, stamp}, "reserving a trial");
    if (!id.isOk())
        return id.status();
    record.id = id.value();
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
    const QString now = UtcTimestamp::now();
    return m_store.changeOne(QStringLiteral("UPDATE trials SET state = ?, loss = ?, error = ?, seconds = ?, "
                                            "finished_at = ?, heartbeat_at = ?, abandoned = 0 WHERE id = ? AND "
                                            "(state = 'RUNNING' OR (state = 'FAIL' AND abandoned = 1))"),
                             {trialStateText(outcome.state), storedDouble(outcome.loss),
                              outcome.error.isEmpty() ? QVariant() : QVariant(outcome.error),
                              storedDouble(outcome.seconds), now, now, trialId},
                             "no open trial " + std::to_string(trialId) + " (it does not exist or has already ended)");
}

Status TrialRepository::abandon(qint64 trialId, const QString &reason)
{
    return m_store.exec(QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, error = ?, finished_at = ? "
                                       "WHERE id = ? AND state = 'RUNNING'"),
                        {reason, UtcTimestamp::now(), trialId});
}

Status TrialRepository::heartbeat(const std::vector<qint64> &trialIds)
{
    if (trialIds.empty())
        return Status::ok();
    QStringList marks;
    QVariantList values{UtcTimestamp::now()};
    for (qint64 id : trialIds) {
        marks << QStringLiteral("?");
        values << id;
    }
    return m_store.exec(QStringLiteral("UPDATE trials SET heartbeat_at = ? WHERE state = 'RUNNING' AND id IN (")
                            + marks.join(QStringLiteral(", ")) + QLatin1Char(')'),
                        values);
}

Result<int> TrialRepository::reapStale(qint64 studyId, std::chrono::milliseconds grace)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString sql = QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, finished_at = ?, "
                                 "error = 'worker lost (no heartbeat since ' || heartbeat_at || ')' "
                                 "WHERE state = 'RUNNING' AND heartbeat_at < ?");
    QVariantList values{UtcTimestamp::format(now), UtcTimestamp::format(now.addMSecs(-grace.count()))};
    if (studyId > 0) {
        sql += QStringLiteral(" AND study_id = ?");
        values << studyId;
    }
    return m_store.change(sql, values);
}

Status TrialRepository::linkRun(qint64 trialId, qint64 runId)
{
    return m_store.exec(QStringLiteral("UPDATE trials SET run_id = ? WHERE id = ?"), {runId, trialId});
}

Result<std::vector<TrialRecord>> TrialRepository::list(qint64 studyId)
{
    return m_store.selectAll(QStringLiteral("SELECT ") + s_trialColumns
                                 + QStringLiteral(" FROM trials WHERE study_id = ? ORDER BY number"),
                             {studyId}, readTrial);
}

Result<std::vector<TrialOutcomeRow>> TrialRepository::listOutcomes(qint64 studyId)
{
    return m_store.selectAll(
        QStringLiteral("SELECT id, number, state, loss, seconds, error FROM trials WHERE study_id = ? ORDER BY number"),
        {studyId}, [](const QSqlQuery &query) {
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
            return row;
        });
}

Result<std::map<qint64, QString>> TrialRepository::paramsFrom(qint64 studyId, qint64 fromId)
{
    std::map<qint64, QString> params;
    const Status status = m_store.forEachRow(
        QStringLiteral("SELECT id, params_json FROM trials WHERE study_id = ? AND id >= ?"), {studyId, fromId},
        [&params](const QSqlQuery &row) { params.emplace(row.value(0).toLongLong(), row.value(1).toString()); });
    if (!status.isOk())
        return status;
    return params;
}

Result<std::optional<TrialRecord>> TrialRepository::find(qint64 trialId)
{
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_trialColumns + QStringLiteral(" FROM trials WHERE id = ?"),
                               {trialId}, readTrial);
}

Result<std::optional<TrialRecord>> TrialRepository::findNumber(qint64 studyId, int number)
{
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_trialColumns
                                   + QStringLiteral(" FROM trials WHERE study_id = ? AND number = ?"),
                               {studyId, number}, readTrial);
}

Result<std::optional<TrialRecord>> TrialRepository::best(qint64 studyId, bool maximize)
{
    return m_store.selectFirst(QStringLiteral("SELECT ") + s_trialColumns
                                   + QStringLiteral(" FROM trials WHERE study_id = ? AND state = 'COMPLETE' "
                                                    "AND loss IS NOT NULL ORDER BY loss ")
                                   + (maximize ? QStringLiteral("DESC") : QStringLiteral("ASC"))
                                   + QStringLiteral(", number LIMIT 1"),
                               {studyId}, readTrial);
}

} // namespace loupe
