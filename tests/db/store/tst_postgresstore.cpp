// The same Store, migrations and repositories on PostgreSQL (QPSQL), against a throw-away cluster
// made with initdb + pg_ctl in a temporary directory, listening on 127.0.0.1 only.
// Skips when the PostgreSQL 15 server binaries (Debian postgresql-15; override the directory
// with LOUPE_PG_BIN) or the QPSQL driver are missing. Run as root, the cluster runs as the
// 'postgres' (or 'nobody') user via setpriv, since the server refuses to run as root.

#include "db/runs/DatasetRepository.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"
#include "tests/support/RequiredResource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <thread>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace loupe;

namespace {

qint64 scalar(Store &store, const QString &sql)
{
    QSqlQuery query = store.query();
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

class TestPostgresStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void migratesAndReopens();
    void newerVersionIsRejected();
    void concurrentOpenersMigrateOnce();
    void repositoriesRoundTrip();
    void transactionsAndForeignKeys();

private:
    // Runs a server binary (as the unprivileged user when we are root); returns its output on failure.
    bool runTool(const QString &tool, const QStringList &arguments, QString *output);
    QString url(const QString &database) const;
    Status createDatabase(const QString &name);

    QString m_binDir;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    QString m_runAs; // empty when not root
    int m_port = 0;
    bool m_started = false;
};

bool TestPostgresStore::runTool(const QString &tool, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir->path());
    const QString program = QDir(m_binDir).filePath(tool);
    if (m_runAs.isEmpty()) {
        process.start(program, arguments);
    } else {
        const passwd *user = getpwnam(m_runAs.toLocal8Bit().constData());
        process.start(QStringLiteral("setpriv"), QStringList{QStringLiteral("--reuid=%1").arg(user->pw_uid),
                                                             QStringLiteral("--regid=%1").arg(user->pw_gid),
                                                             QStringLiteral("--clear-groups"), program}
                                                     + arguments);
    }
    const bool finished = process.waitForFinished(120000);
    *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString TestPostgresStore::url(const QString &database) const
{
    return QStringLiteral("postgresql://loupe@127.0.0.1:%1/%2").arg(m_port).arg(database);
}

Status TestPostgresStore::createDatabase(const QString &name)
{
    auto admin = Store::open(url(QStringLiteral("postgres")));
    if (!admin.isOk())
        return admin.status();
    return admin.value()->exec(QStringLiteral("CREATE DATABASE ") + name);
}

void TestPostgresStore::initTestCase()
{
    m_binDir = qEnvironmentVariable("LOUPE_PG_BIN", QStringLiteral("/usr/lib/postgresql/15/bin"));
    if (!QFileInfo(QDir(m_binDir).filePath(QStringLiteral("initdb"))).isExecutable()
        || !QFileInfo(QDir(m_binDir).filePath(QStringLiteral("pg_ctl"))).isExecutable())
        LOUPE_REQUIRE_RESOURCE(
            QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql-15 or set LOUPE_PG_BIN"));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        LOUPE_REQUIRE_RESOURCE(QStringLiteral("Qt PostgreSQL driver QPSQL not installed (libqt6sql6-psql)"));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    if (geteuid() == 0) {
        for (const char *candidate : {"postgres", "nobody"}) {
            if (getpwnam(candidate)) {
                m_runAs = QString::fromLatin1(candidate);
                break;
            }
        }
        if (m_runAs.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            LOUPE_REQUIRE_RESOURCE(
                QStringLiteral("running as root without an unprivileged user and setpriv for the PostgreSQL server"));
        const passwd *user = getpwnam(m_runAs.toLocal8Bit().constData());
        QVERIFY(::chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid, user->pw_gid) == 0);
    }
    m_dataDir = m_dir->filePath(QStringLiteral("data"));
    QString output;
    QVERIFY2(runTool(QStringLiteral("initdb"),
                     {QStringLiteral("-D"), m_dataDir, QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                      QStringLiteral("loupe"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
                      QStringLiteral("--no-sync")},
                     &output),
             qPrintable(output));
    // A loopback port derived from the pid; retry a few in case one is taken.
    for (int attempt = 0; attempt < 5 && !m_started; ++attempt) {
        m_port = 20000 + int((QCoreApplication::applicationPid() * 7 + attempt * 1009) % 20000);
        const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories='' "
                                               "-c fsync=off -c full_page_writes=off").arg(m_port);
        m_started = runTool(QStringLiteral("pg_ctl"),
                            {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")),
                             QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                             QStringLiteral("start")},
                            &output);
    }
    QVERIFY2(m_started, qPrintable(output));
}

void TestPostgresStore::cleanupTestCase()
{
    if (!m_started)
        return;
    QString output;
    if (!runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"), QStringLiteral("immediate"),
                                            QStringLiteral("-w"), QStringLiteral("stop")},
                 &output))
        qWarning("pg_ctl stop failed: %s", qPrintable(output));
}

void TestPostgresStore::migratesAndReopens()
{
    QVERIFY(createDatabase(QStringLiteral("fresh")).isOk());
    const int latest = Store::latestSchemaVersion(StoreBackend::PostgreSql);
    {
        auto store = Store::open(url(QStringLiteral("fresh")));
        QVERIFY2(store.isOk(), store.message().c_str());
        QCOMPARE(store.value()->backend(), StoreBackend::PostgreSql);
        QCOMPARE(store.value()->schemaVersion(), latest);
        QCOMPARE(scalar(*store.value(), QStringLiteral("SELECT version FROM schema_version")), qint64(latest));
        QCOMPARE(scalar(*store.value(), QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                                       "table_schema = 'public' AND table_name IN ('datasets', 'runs', "
                                                       "'epoch_metrics', 'step_metrics', 'studies', 'trials', "
                                                       "'check_results', 'check_failures', 'artifacts')")),
                 qint64(9));
        QVERIFY(store.value()->exec(QStringLiteral("INSERT INTO studies (name, direction, space_json, sampler, created_at) "
                                                   "VALUES ('s', 'maximize', '{}', 'tpe', 'x')")).isOk());
    }
    auto again = Store::open(url(QStringLiteral("fresh")));
    QVERIFY2(again.isOk(), again.message().c_str());
    QCOMPARE(again.value()->schemaVersion(), latest);
    QCOMPARE(scalar(*again.value(), QStringLiteral("SELECT count(*) FROM studies")), qint64(1));
    QCOMPARE(scalar(*again.value(), QStringLiteral("SELECT count(*) FROM schema_version")), qint64(1));
}

void TestPostgresStore::newerVersionIsRejected()
{
    QVERIFY(createDatabase(QStringLiteral("future")).isOk());
    {
        auto store = Store::open(url(QStringLiteral("future")));
        QVERIFY(store.isOk());
        QVERIFY(store.value()->exec(QStringLiteral("UPDATE schema_version SET version = 77")).isOk());
    }
    auto store = Store::open(url(QStringLiteral("future")));
    QVERIFY(!store.isOk());
    QCOMPARE(store.status().code(), StatusCode::InvalidInput);
    const QString message = QString::fromStdString(store.message());
    QVERIFY2(message.contains(url(QStringLiteral("future"))) && message.contains(QStringLiteral("77")), qPrintable(message));
}

void TestPostgresStore::concurrentOpenersMigrateOnce()
{
    QVERIFY(createDatabase(QStringLiteral("race")).isOk());
    constexpr int openers = 4;
    std::string failures[openers];
    int versions[openers] = {};
    std::vector<std::thread> threads;
    for (int i = 0; i < openers; ++i) {
        threads.emplace_back([&, i] {
            auto store = Store::open(url(QStringLiteral("race")));
            if (store.isOk())
                versions[i] = store.value()->schemaVersion();
            else
                failures[i] = store.message();
        });
    }
    for (auto &thread : threads)
        thread.join();
    for (int i = 0; i < openers; ++i) {
        QVERIFY2(failures[i].empty(), failures[i].c_str());
        QCOMPARE(versions[i], Store::latestSchemaVersion(StoreBackend::PostgreSql));
    }
}

void TestPostgresStore::repositoriesRoundTrip()
{
    QVERIFY(createDatabase(QStringLiteral("repos")).isOk());
    auto opened = Store::open(url(QStringLiteral("repos")));
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &store = *opened.value();
    DatasetRepository datasets(store);
    DatasetRecord dataset;
    dataset.path = QStringLiteral("/d/credit.csv");
    dataset.contentHash = QStringLiteral("fnv1a64:00000000000000ff");
    dataset.rowCount = 30000;
    dataset.columnCount = 24;
    auto datasetId = datasets.upsert(dataset);
    QVERIFY2(datasetId.isOk(), datasetId.message().c_str());
    dataset.rowCount = 29999;
    auto sameId = datasets.upsert(dataset);
    QVERIFY(sameId.isOk());
    QCOMPARE(sameId.value(), datasetId.value());
    QCOMPARE(datasets.find(datasetId.value()).value()->rowCount, qint64(29999));

    RunRepository runs(store);
    auto runId = runs.createRun(RunKind::Search, datasetId.value(), QStringLiteral("{\"trials\":20}"));
    QVERIFY2(runId.isOk(), runId.message().c_str());
    std::vector<StepMetric> steps;
    for (int i = 0; i < 700; ++i)
        steps.push_back({i, 1.0 / (i + 3.0), 1e-5 * std::pow(1.02, i)});
    steps[5].loss = std::numeric_limits<double>::quiet_NaN();
    const Status added = runs.addStepMetrics(runId.value(), steps);
    QVERIFY2(added.isOk(), added.message().c_str());
    auto storedSteps = runs.stepMetrics(runId.value());
    QVERIFY(storedSteps.isOk());
    QCOMPARE(storedSteps.value().size(), steps.size());
    QVERIFY(std::isnan(storedSteps.value()[5].loss));
    QCOMPARE(storedSteps.value()[699].learningRate, steps[699].learningRate);
    QCOMPARE(storedSteps.value()[123].loss, steps[123].loss);

    EpochMetrics epoch;
    epoch.epoch = 1;
    epoch.loss = 0.25;
    epoch.valAccuracy = 0.875;
    epoch.extra = {{QStringLiteral("grad_norm"), 1.5}};
    QVERIFY(runs.addEpochMetrics(runId.value(), epoch).isOk());
    auto epochs = runs.epochMetrics(runId.value());
    QVERIFY(epochs.isOk() && epochs.value().size() == 1);
    QCOMPARE(*epochs.value()[0].valAccuracy, 0.875);
    QCOMPARE(epochs.value()[0].extra.size(), std::size_t(1));

    QVERIFY(runs.finishRun(runId.value(), RunStatus::Completed, 3.5, QStringLiteral("{\"best\":0.1}")).isOk());
    auto other = runs.createRun(RunKind::Train, std::nullopt, QString());
    QVERIFY(other.isOk());
    auto searches = runs.listRuns(RunKind::Search, 5);
    QVERIFY2(searches.isOk(), searches.message().c_str());
    QCOMPARE(searches.value().size(), std::size_t(1));
    QCOMPARE(searches.value()[0].status, RunStatus::Completed);
    QCOMPARE(searches.value()[0].datasetId.value_or(0), datasetId.value());
    QCOMPARE(runs.listRuns().value().size(), std::size_t(2));
    // Interrupted runs (schema version 3 on PostgreSQL too): the owner is stored, and a run of another
    // host without a recent heartbeat is presumed dead.
    QCOMPARE(runs.findRun(other.value()).value()->owner.pid, QCoreApplication::applicationPid());
    QVERIFY(store.exec(QStringLiteral("UPDATE runs SET owner_host = 'elsewhere.example' WHERE id = ?"), {other.value()})
                .isOk());
    auto marked = runs.markInterrupted(std::chrono::seconds(0));
    QVERIFY2(marked.isOk(), marked.message().c_str());
    QCOMPARE(marked.value().size(), std::size_t(1));
    const RunRecord interrupted = *runs.findRun(other.value()).value();
    QCOMPARE(interrupted.status, RunStatus::Interrupted);
    QVERIFY2(interrupted.error.startsWith(QStringLiteral("no heartbeat since ")), qPrintable(interrupted.error));
    QVERIFY(runs.touchRun(other.value()).isOk());
    QCOMPARE(runs.findRun(other.value()).value()->status, RunStatus::Running);
}

void TestPostgresStore::transactionsAndForeignKeys()
{
    QVERIFY(createDatabase(QStringLiteral("tx")).isOk());
    auto opened = Store::open(url(QStringLiteral("tx")));
    QVERIFY(opened.isOk());
    Store &store = *opened.value();
    RunRepository runs(store);
    QVERIFY(!runs.createRun(RunKind::Train, qint64(999), QString()).isOk()); // foreign key
    {
        auto outer = Transaction::begin(store);
        QVERIFY(outer.isOk());
        QVERIFY(runs.createRun(RunKind::Train, std::nullopt, QString()).isOk());
        {
            auto inner = Transaction::begin(store);
            QVERIFY(inner.isOk());
            QVERIFY(runs.createRun(RunKind::Check, std::nullopt, QString()).isOk());
            QVERIFY(!store.exec(QStringLiteral("INSERT INTO runs (kind) VALUES ('bogus')")).isOk());
        } // savepoint rolled back, outer transaction usable again
        QVERIFY(outer.value().commit().isOk());
    }
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM runs")), qint64(1));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM runs WHERE kind = 'train'")), qint64(1));
    {
        auto dropped = Transaction::begin(store);
        QVERIFY(runs.createRun(RunKind::Scan, std::nullopt, QString()).isOk());
    }
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM runs")), qint64(1));
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "tst_postgresstore.moc"
