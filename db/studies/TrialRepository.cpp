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

Result<qint64> TrialRepository::nextChange(qint64 studyId)
{
    Q_ASSERT(m_store.inTransaction());
    auto next = m_store.selectFirst(
        QStringLiteral("UPDATE studies SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq"), {studyId},
        [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
    if (!next.isOk())
        return next.status();
    if (!next.value())
        return Status::invalidInput("no study " + std::to_string(studyId) + " in " + m_store.location().toStdString());
    return *next.value();
}

Result<qint64> TrialRepository::lastChange(qint64 studyId)
{
    auto last = m_store.selectFirst(QStringLiteral("SELECT change_seq FROM studies WHERE id = ?"), {studyId},
                                    [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
    if (!last.isOk())
        return last.status();
    if (!last.value())
        return Status::invalidInput("no study " + std::to_string(studyId) + " in " + m_store.location().toStdString());
    return *last.value();
}

Result<std::vector<TrialChangeRow>> TrialRepository::changesSince(qint64 studyId, qint64 after)
{
    return m_store.selectAll(
        QStringLiteral("SELECT id, number, state, loss, seconds, error, abandoned, params_json, change_seq FROM trials "
                       "WHERE study_id = ? AND change_seq > ? ORDER BY change_seq, number"),
        {studyId, after}, [](const QSqlQuery &query) {
            TrialChangeRow row;
            row.id = query.value(0).toLongLong();
            row.number = query.value(1).toInt();
            row.state = TrialState::Fail;
            trialStateFromName(query.value(2).toString().toStdString(), row.state);
            if (!query.value(3).isNull())
                row.loss = query.value(3).toDouble();
            if (!query.value(4).isNull())
                row.seconds = query.value(4).toDouble();
            row.error = query.value(5).toString();
            row.abandoned = query.value(6).toInt() != 0;
            row.paramsJson = query.value(7).toString();
            row.changeSeq = query.value(8).toLongLong();
            return row;
        });
}

Result<qint64> TrialRepository::insertRunning(qint64 studyId, int number, const QString &paramsJson,
                                              const QString &worker, qint64 change, const QString &stamp)
{
    return m_store.insertReturningId(
        QStringLiteral("INSERT INTO trials (study_id, number, state, params_json, worker, heartbeat_at, started_at, "
                       "change_seq) VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, ?) RETURNING id"),
        {studyId, number, paramsJson, worker, stamp, stamp, change}, "reserving a trial");
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
    auto change = nextChange(studyId); // locks the study until commit
    if (!change.isOk())
        return change.status();
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
    auto id = insertRunning(studyId, record.number, record.paramsJson, worker, change.value(), stamp);
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
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    auto change = trialChange(trialId);
    if (!change.isOk())
        return change.status();
    const QString now = UtcTimestamp::now();
    const Status changed = m_store.changeOne(
        QStringLiteral("UPDATE trials SET state = ?, loss = ?, error = ?, seconds = ?, finished_at = ?, heartbeat_at = ?, "
                       "abandoned = 0, change_seq = ? WHERE id = ? AND "
                       "(state = 'RUNNING' OR (state = 'FAIL' AND abandoned = 1))"),
        {trialStateText(outcome.state), storedDouble(outcome.loss),
         outcome.error.isEmpty() ? QVariant() : QVariant(outcome.error), storedDouble(outcome.seconds), now, now,
         change.value(), trialId},
        "no open trial " + std::to_string(trialId) + " (it does not exist or has already ended)");
    if (!changed.isOk())
        return changed;
    return tx.value().commit();
}

Result<qint64> TrialRepository::trialChange(qint64 trialId)
{
    Q_ASSERT(m_store.inTransaction());
    auto next = m_store.selectFirst(QStringLiteral("UPDATE studies SET change_seq = change_seq + 1 "
                                                   "WHERE id = (SELECT study_id FROM trials WHERE id = ?) "
                                                   "RETURNING change_seq"),
                                    {trialId}, [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
    if (!next.isOk())
        return next.status();
    if (!next.value())
        return Status::invalidInput("no open trial " + std::to_string(trialId) + " in " + m_store.location().toStdString()
                                    + " (it does not exist)");
    return *next.value();
}

Status TrialRepository::abandon(qint64 trialId, const QString &reason)
{
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    auto change = trialChange(trialId);
    if (!change.isOk())
        return change.status().code() == StatusCode::InvalidInput ? Status::ok() : change.status();
    auto changed = m_store.change(QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, error = ?, "
                                                 "finished_at = ?, change_seq = ? WHERE id = ? AND state = 'RUNNING'"),
                                  {reason, UtcTimestamp::now(), change.value(), trialId});
    if (!changed.isOk())
        return changed.status();
    // A trial that already ended: nothing changed, so the change number is not spent either.
    return changed.value() == 0 ? tx.value().rollback() : tx.value().commit();
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
    const QString stamp = UtcTimestamp::format(now);
    const QString cutoff = UtcTimestamp::format(now.addMSecs(-grace.count()));
    // Read first (no lock): a study whose workers are alive is the usual case, and then nothing
    // takes the study's write lock.
    QString sql = QStringLiteral("SELECT DISTINCT study_id FROM trials WHERE state = 'RUNNING' AND heartbeat_at < ?");
    QVariantList values{cutoff};
    if (studyId > 0) {
        sql += QStringLiteral(" AND study_id = ?");
        values << studyId;
    }
    auto stale = m_store.selectAll(sql, values, [](const QSqlQuery &row) { return row.value(0).toLongLong(); });
    if (!stale.isOk())
        return stale.status();
    int reaped = 0;
    for (const qint64 id : stale.value()) {
        auto one = reapStudy(id, stamp, cutoff);
        if (!one.isOk())
            return one.status();
        reaped += one.value();
    }
    return reaped;
}

Result<int> TrialRepository::reapStudy(qint64 studyId, const QString &now, const QString &cutoff)
{
    auto tx = Transaction::begin(m_store);
    if (!tx.isOk())
        return tx.status();
    auto change = nextChange(studyId);
    if (!change.isOk())
        return change.status();
    auto reaped = m_store.change(QStringLiteral("UPDATE trials SET state = 'FAIL', abandoned = 1, finished_at = ?, "
                                                "error = 'worker lost (no heartbeat since ' || heartbeat_at || ')', "
                                                "change_seq = ? WHERE study_id = ? AND state = 'RUNNING' AND "
                                                "heartbeat_at < ?"),
                                 {now, change.value(), studyId, cutoff});
    if (!reaped.isOk())
        return reaped.status();
    // Another worker reaped them first: leave the change number unspent.
    const Status ended = reaped.value() == 0 ? tx.value().rollback() : tx.value().commit();
    if (!ended.isOk())
        return ended;
    return reaped.value();
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
