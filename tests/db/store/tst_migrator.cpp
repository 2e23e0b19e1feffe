// Migrator upgrading a workspace that holds data. Version 3 (runs get an owner and the status
// 'interrupted') rebuilds the runs table on SQLite: it must keep every run and every row that refers
// to one (metrics, trials, check results and failures, artifacts), leave foreign keys on and pointing
// at the new table, and mark a run left 'running' by an old process as interrupted. Version 4 (a
// change number per study and trial, issue 24) must keep every trial of a version 3 workspace and
// number them so that a reader starting from 0 gets each once and later changes come after them.
// The same upgrades on PostgreSQL (altered in place), against a throw-away server when one can be
// started.

#include "db/runs/RunRepository.h"
#include "db/store/ConnectionSpec.h"
#include "db/store/Migrator.h"
#include "db/store/SqlScript.h"
#include "db/store/Store.h"
#include "tests/support/TemporaryPostgres.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::StoreBackend)

namespace {

// Rows of a version 2 workspace: run 1 completed with everything that can refer to a run, run 2
// left 'running' by a process of an older Loupe (no owner) a day ago.
const char *const s_versionTwoRows[] = {
    "INSERT INTO datasets (id, path, content_hash, size_bytes, row_count, column_count, loaded_at) "
    "VALUES (1, '/d/a.csv', 'fnv1a64:1', 10, 2, 3, '2024-05-01T00:00:00.000Z')",
    "INSERT INTO runs (id, kind, dataset_id, config_json, status, started_at, heartbeat_at, finished_at, seconds, "
    "summary_json) VALUES (1, 'train', 1, '{}', 'completed', '2024-05-01T00:00:00.000Z', "
    "'2024-05-01T00:01:00.000Z', '2024-05-01T00:01:00.000Z', 60, '{\"epochs_completed\":2}')",
    "INSERT INTO runs (id, kind, config_json, status, started_at, heartbeat_at) VALUES (2, 'lr-find', '{}', "
    "'running', '2024-05-02T00:00:00.000Z', '2024-05-02T00:00:05.000Z')",
    "INSERT INTO epoch_metrics (run_id, epoch, name, value) VALUES (1, 1, 'loss', 0.5), (1, 2, 'loss', 0.25)",
    "INSERT INTO step_metrics (run_id, step, loss, lr) VALUES (1, 1, 0.7, 0.01), (1, 2, 0.6, 0.01), (2, 1, 0.9, 1e-6)",
    "INSERT INTO studies (id, name, direction, space_json, sampler, created_at) "
    "VALUES (1, 's', 'minimize', '{}', 'tpe', '2024-05-01T00:00:00.000Z')",
    "INSERT INTO trials (id, study_id, number, state, run_id, started_at) "
    "VALUES (1, 1, 0, 'COMPLETE', 1, '2024-05-01T00:00:00.000Z')",
    "INSERT INTO check_results (id, run_id, test_name, severity, passed, failure_count) "
    "VALUES (1, 1, 't', 'error', 0, 1)",
    "INSERT INTO check_failures (result_id, row_index, column_name, cell_value) VALUES (1, 3, 'c', 'x')",
    "INSERT INTO artifacts (run_id, kind, path, created_at) VALUES (1, 'plot', '/p.png', '2024-05-01T00:00:00.000Z')",
};

qint64 scalar(Store &store, const QString &sql)
{
    QSqlQuery query = store.query();
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

// Rows of a version 3 workspace: two studies, the first with trials in every state (one RUNNING,
// one abandoned), the second with one trial; a third study without trials.
const char *const s_versionThreeRows[] = {
    "INSERT INTO studies (id, name, direction, space_json, sampler, created_at, max_evals) VALUES "
    "(1, 'a', 'minimize', '{}', 'tpe', '2024-05-01T00:00:00.000Z', 10), "
    "(2, 'b', 'minimize', '{}', 'random', '2024-05-01T00:00:00.000Z', 5), "
    "(3, 'c', 'minimize', '{}', 'random', '2024-05-01T00:00:00.000Z', 5)",
    "INSERT INTO trials (id, study_id, number, state, params_json, loss, started_at, abandoned) VALUES "
    "(1, 1, 0, 'COMPLETE', '{\"x\": 0.5}', 1.5, '2024-05-01T00:00:00.000Z', 0), "
    "(2, 2, 0, 'COMPLETE', '{\"x\": 0.1}', 0.25, '2024-05-01T00:00:00.000Z', 0), "
    "(3, 1, 1, 'FAIL', '{\"x\": 0.25}', NULL, '2024-05-01T00:00:00.000Z', 0), "
    "(4, 1, 2, 'FAIL', '{\"x\": 0.75}', NULL, '2024-05-01T00:00:00.000Z', 1), "
    "(5, 1, 3, 'PRUNED', '{\"x\": 0.125}', 2.5, '2024-05-01T00:00:00.000Z', 0), "
    "(6, 1, 4, 'RUNNING', '{\"x\": 0.875}', NULL, '2024-05-01T00:00:00.000Z', 0)",
};

// Applies migrations 1..version and `rows` through a plain connection, as Loupe of that schema
// version would have left the workspace. Empty on success, else what failed.
template <std::size_t N>
QString writeVersion(const QString &location, int version, const char *const (&rows)[N])
{
    const ConnectionSpec spec = ConnectionSpec::parse(location).value();
    const QString connection = QStringLiteral("old-version");
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            spec.backend == StoreBackend::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), connection);
        if (spec.backend == StoreBackend::Sqlite) {
            db.setDatabaseName(spec.filePath);
        } else {
            db.setHostName(spec.host);
            db.setPort(spec.port);
            db.setUserName(spec.user);
            db.setDatabaseName(spec.database);
        }
        QStringList statements;
        if (spec.backend == StoreBackend::Sqlite)
            statements << QStringLiteral("PRAGMA foreign_keys = ON");
        for (int i = 0; i < version; ++i)
            statements << SqlScript::split(Migrator::migrations(spec.backend)[std::size_t(i)].sql);
        for (const char *row : rows)
            statements << QString::fromLatin1(row);
        if (spec.backend == StoreBackend::Sqlite)
            statements << QStringLiteral("PRAGMA user_version = %1").arg(version);
        else
            statements << QStringLiteral("CREATE TABLE schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), "
                                         "version INTEGER NOT NULL)")
                       << QStringLiteral("INSERT INTO schema_version (id, version) VALUES (1, %1)").arg(version);
        if (!db.open())
            problem = db.lastError().text();
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (problem.isEmpty() && !query.exec(statement))
                problem = statement + QStringLiteral(": ") + query.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return problem;
}

} // namespace

class TestMigrator : public QObject {
    Q_OBJECT

private slots:
    void upgradeKeepsEveryRow_data();
    void upgradeKeepsEveryRow();
    void upgradeNumbersTrialChanges_data();
    void upgradeNumbersTrialChanges();
};

void TestMigrator::upgradeKeepsEveryRow_data()
{
    QTest::addColumn<StoreBackend>("backend");
    QTest::newRow("sqlite") << StoreBackend::Sqlite;
    QTest::newRow("postgresql") << StoreBackend::PostgreSql;
}

void TestMigrator::upgradeKeepsEveryRow()
{
    QFETCH(StoreBackend, backend);
    QTemporaryDir dir;
    test::TemporaryPostgres postgres;
    QString location = dir.filePath(QStringLiteral("v2.sqlite"));
    if (backend == StoreBackend::PostgreSql) {
        if (const QString why = postgres.unavailableReason(); !why.isEmpty())
            LOUPE_REQUIRE_RESOURCE(why);
        QVERIFY2(postgres.start(), qPrintable(postgres.lastOutput()));
        QVERIFY(postgres.createDatabase(QStringLiteral("v2")).isOk());
        location = postgres.url(QStringLiteral("v2"));
    }
    const QString problem = writeVersion(location, 2, s_versionTwoRows);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    auto opened = Store::open(location);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &store = *opened.value();
    QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion(backend));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM runs")), qint64(2));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM epoch_metrics")), qint64(2));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM step_metrics")), qint64(3));
    QCOMPARE(scalar(store, QStringLiteral("SELECT run_id FROM trials")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM check_failures")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT run_id FROM artifacts")), qint64(1));

    RunRepository runs(store);
    const RunRecord done = *runs.findRun(1).value();
    QCOMPARE(done.status, RunStatus::Completed);
    QCOMPARE(done.summaryJson, QStringLiteral("{\"epochs_completed\":2}"));
    QCOMPARE(done.datasetId.value_or(0), qint64(1));
    QVERIFY(!done.owner.isKnown());
    // The old process's run has no owner to ask: its day-old heartbeat says it is gone.
    const RunRecord left = *runs.findRun(2).value();
    QCOMPARE(left.status, RunStatus::Interrupted);
    QCOMPARE(left.error, QStringLiteral("no heartbeat since 2024-05-02T00:00:05.000Z"));
    QCOMPARE(store.interruptedOnOpen().size(), std::size_t(1));

    // Foreign keys are on again and refer to the new runs table: deleting a run cascades.
    if (backend == StoreBackend::Sqlite)
        QCOMPARE(scalar(store, QStringLiteral("PRAGMA foreign_keys")), qint64(1));
    QVERIFY(!store.exec(QStringLiteral("INSERT INTO epoch_metrics (run_id, epoch, name, value) "
                                       "VALUES (99, 1, 'loss', 1.0)")).isOk()); // no run 99
    QVERIFY(runs.deleteRun(1).isOk());
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM epoch_metrics")), qint64(0));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM check_results")), qint64(0));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM trials WHERE run_id IS NULL")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM step_metrics")), qint64(1));
}

void TestMigrator::upgradeNumbersTrialChanges_data()
{
    upgradeKeepsEveryRow_data();
}

void TestMigrator::upgradeNumbersTrialChanges()
{
    QFETCH(StoreBackend, backend);
    QTemporaryDir dir;
    test::TemporaryPostgres postgres;
    QString where = dir.filePath(QStringLiteral("v3.sqlite"));
    if (backend == StoreBackend::PostgreSql) {
        if (const QString why = postgres.unavailableReason(); !why.isEmpty())
            LOUPE_REQUIRE_RESOURCE(why);
        QVERIFY2(postgres.start(), qPrintable(postgres.lastOutput()));
        QVERIFY(postgres.createDatabase(QStringLiteral("v3")).isOk());
        where = postgres.url(QStringLiteral("v3"));
    }
    const QString problem = writeVersion(where, 3, s_versionThreeRows);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    auto opened = Store::open(where);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &store = *opened.value();
    QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion(backend));
    QVERIFY(store.schemaVersion() >= 4);
    // Every trial kept as it was.
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM trials")), qint64(6));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM trials WHERE study_id = 1 AND state = 'FAIL' "
                                          "AND abandoned = 1")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM trials WHERE state = 'RUNNING'")), qint64(1));
    // Change numbers follow the trial numbers within each study; each study's counter is its largest.
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM trials WHERE change_seq <> number + 1")), qint64(0));
    QCOMPARE(scalar(store, QStringLiteral("SELECT change_seq FROM studies WHERE id = 1")), qint64(5));
    QCOMPARE(scalar(store, QStringLiteral("SELECT change_seq FROM studies WHERE id = 2")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT change_seq FROM studies WHERE id = 3")), qint64(0));
    // A new row of the upgraded study gets a number above the old ones.
    QVERIFY(store.exec(QStringLiteral("UPDATE studies SET change_seq = change_seq + 1 WHERE id = 1")).isOk());
    QCOMPARE(scalar(store, QStringLiteral("SELECT change_seq FROM studies WHERE id = 1")), qint64(6));
    QVERIFY(!store.exec(QStringLiteral("UPDATE trials SET change_seq = -1 WHERE id = 1")).isOk()); // CHECK
}

QTEST_GUILESS_MAIN(TestMigrator)
#include "tst_migrator.moc"
