// Robustness: a writer process is SIGKILLed in the middle of its transactions; the workspace must
// reopen, pass PRAGMA integrity_check, and hold every committed transaction whole and nothing of
// the one in flight.
//
// The test binary re-executes itself as the writer (`tst_killduringwrite --writer <db path>`,
// handled in main() before Qt Test runs). The writer loops: BEGIN; create a run; 1000 step
// metrics; finish the run; COMMIT; print "committed <n>". The parent kills it after a chosen
// number of commits plus a delay.

#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

using namespace loupe;

namespace {

constexpr int s_stepsPerTransaction = 1000;
constexpr int s_writerMaxTransactions = 100000; // far more than any test waits for

int runWriter(const QString &path)
{
    auto store = Store::open(path);
    if (!store.isOk()) {
        std::fprintf(stdout, "error %s\n", store.message().c_str());
        return 1;
    }
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    RunRepository runs(*store.value());
    std::vector<StepMetric> steps(s_stepsPerTransaction);
    for (int n = 1; n <= s_writerMaxTransactions; ++n) {
        for (int i = 0; i < s_stepsPerTransaction; ++i)
            steps[i] = {i, 1.0 / (i + 1.0 + n), 1e-6 * (i + 1)};
        auto tx = Transaction::begin(*store.value());
        Status status = tx.status();
        if (tx.isOk()) {
            auto id = runs.createRun(RunKind::Train, std::nullopt, QStringLiteral("{\"transaction\":%1}").arg(n));
            status = id.status();
            if (id.isOk())
                status = runs.addStepMetrics(id.value(), steps);
            if (status.isOk())
                status = runs.finishRun(id.value(), RunStatus::Completed, 0.0, QStringLiteral("{}"));
            if (status.isOk())
                status = tx.value().commit();
        }
        if (!status.isOk()) {
            std::fprintf(stdout, "error %s\n", status.message().c_str());
            std::fflush(stdout);
            return 1;
        }
        std::fprintf(stdout, "committed %d\n", n);
        std::fflush(stdout);
    }
    return 0;
}

qint64 scalar(Store &store, const QString &sql)
{
    QSqlQuery query = store.query();
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

class TestKillDuringWrite : public QObject {
    Q_OBJECT

private slots:
    void killMidTransaction_data();
    void killMidTransaction();
};

void TestKillDuringWrite::killMidTransaction_data()
{
    // createFirst false: the writer creates and migrates the file itself, so the kill may land
    // before, during or after the migration, depending on process start-up time.
    QTest::addColumn<bool>("createFirst");
    QTest::addColumn<int>("commitsBeforeKill");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("fresh file, kill 1 ms after start") << false << -1 << 1;
    QTest::newRow("fresh file, kill 8 ms after start") << false << -1 << 8;
    QTest::newRow("fresh file, kill 14 ms after start") << false << -1 << 14;
    QTest::newRow("first transaction") << true << 0 << 2;
    QTest::newRow("after 1 commit, 1 ms") << true << 1 << 1;
    QTest::newRow("after 3 commits, 5 ms") << true << 3 << 5;
    QTest::newRow("after 10 commits, 0 ms") << true << 10 << 0;
    QTest::newRow("after 20 commits, 13 ms") << true << 20 << 13;
    QTest::newRow("after 40 commits, 7 ms") << true << 40 << 7;
}

void TestKillDuringWrite::killMidTransaction()
{
    QFETCH(bool, createFirst);
    QFETCH(int, commitsBeforeKill);
    QFETCH(int, delayMs);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
    if (createFirst)
        QVERIFY(Store::open(path).isOk());

    QProcess writer;
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--writer"), path});
    QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

    int committed = 0;
    bool ready = false;
    QByteArray pending;
    QByteArray unexpected;
    auto consume = [&] {
        pending += writer.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(newline);
            pending.remove(0, newline + 1);
            if (line == "ready")
                ready = true;
            else if (line.startsWith("committed "))
                committed = line.mid(10).toInt();
            else
                unexpected += line + '\n';
        }
    };
    QElapsedTimer timeout;
    timeout.start();
    while (commitsBeforeKill >= 0 && (!ready || committed < commitsBeforeKill)) {
        QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
        QVERIFY2(unexpected.isEmpty(), unexpected.constData());
        QVERIFY2(timeout.elapsed() < 120000, "writer too slow");
        writer.waitForReadyRead(100);
        consume();
    }
    QThread::msleep(delayMs);
    writer.kill(); // SIGKILL on Unix
    QVERIFY(writer.waitForFinished(10000));
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
    consume();
    QVERIFY2(unexpected.isEmpty(), unexpected.constData());

    auto reopened = Store::open(path);
    QVERIFY2(reopened.isOk(), reopened.message().c_str());
    Store &store = *reopened.value();
    QCOMPARE(store.schemaVersion(), Store::latestSchemaVersion(StoreBackend::Sqlite));
    {
        QSqlQuery check = store.query();
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(!check.next());
        QSqlQuery foreignKeys = store.query();
        QVERIFY(foreignKeys.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY(!foreignKeys.next());
    }
    // Every printed commit is there; at most one more (committed, killed before printing).
    const qint64 runCount = scalar(store, QStringLiteral("SELECT count(*) FROM runs"));
    QVERIFY2(runCount == committed || runCount == committed + 1,
             qPrintable(QStringLiteral("runs %1, printed commits %2").arg(runCount).arg(committed)));
    qInfo("killed after %d printed commits; %lld transactions stored", committed, runCount);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM step_metrics")), runCount * s_stepsPerTransaction);
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM (SELECT run_id FROM step_metrics GROUP BY run_id "
                                          "HAVING count(*) <> 1000 OR min(step) <> 0 OR max(step) <> 999)")), qint64(0));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM runs WHERE status <> 'completed'")), qint64(0));
    QCOMPARE(scalar(store, QStringLiteral("SELECT count(*) FROM step_metrics WHERE loss IS NULL OR lr IS NULL")), qint64(0));

    // The workspace stays writable.
    RunRepository runs(store);
    auto id = runs.createRun(RunKind::Train, std::nullopt, QString());
    QVERIFY2(id.isOk(), id.message().c_str());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--writer") == 0)
        return runWriter(QString::fromLocal8Bit(argv[2]));
    TestKillDuringWrite test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_killduringwrite.moc"
