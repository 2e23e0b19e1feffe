// Runs a killed or crashed process left 'running' are marked 'interrupted' the next time the
// workspace opens (issue 13, item 11): RunOwner, RunInterruption's rule through
// RunRepository::markInterrupted and Store::open, RunHeartbeat's throttle, and a real SIGKILL.
//
// The test binary re-executes itself as the owner of a run (`tst_interruptedruns --owner <db>`,
// handled in main() before Qt Test runs): it creates a run, prints its id and waits to be killed.

#include "db/runs/RunHeartbeat.h"
#include "db/runs/RunInterruption.h"
#include "db/runs/RunOwner.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/UtcTimestamp.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <chrono>
#include <cstdio>

using namespace loupe;

namespace {

constexpr std::chrono::seconds s_staleAfter = RunRepository::defaultStaleAfter;

// The child process: one running run that never finishes.
int runOwner(const QString &path)
{
    auto store = Store::open(path);
    if (!store.isOk()) {
        std::fprintf(stdout, "error %s\n", store.message().c_str());
        return 1;
    }
    auto run = RunRepository(*store.value()).createRun(RunKind::Train, std::nullopt, QStringLiteral("{}"));
    if (!run.isOk()) {
        std::fprintf(stdout, "error %s\n", run.message().c_str());
        return 1;
    }
    std::fprintf(stdout, "run %lld\n", static_cast<long long>(run.value()));
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

// The id of a process that has ended: a child that ran `true` and was reaped.
qint64 endedProcessId()
{
    QProcess child;
    child.start(QStringLiteral("true"), QStringList());
    if (!child.waitForStarted())
        return 0;
    const qint64 pid = child.processId(); // QProcess forgets it once the process has ended
    return child.waitForFinished() ? pid : 0;
}

enum class Host { This, Other, Unknown };
enum class Process { ThisOne, Ended };
enum class Boot { Current, Earlier };

} // namespace

Q_DECLARE_METATYPE(Host)
Q_DECLARE_METATYPE(Process)
Q_DECLARE_METATYPE(Boot)

class TestInterruptedRuns : public QObject {
    Q_OBJECT

private slots:
    void init();
    void ownerIsRecorded();
    void markedWhenTheWorkspaceOpens_data();
    void markedWhenTheWorkspaceOpens();
    void anotherHostsRunIsMarkedOnlyOnce();
    void aBeatRevivesARunPresumedDead();
    void heartbeatIsThrottled();
    void killedProcessIsInterruptedOnNextOpen();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("workspace.sqlite")); }
    std::unique_ptr<Store> open();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestInterruptedRuns::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<Store> TestInterruptedRuns::open()
{
    auto store = Store::open(path());
    if (!store.isOk())
        qWarning("%s", store.message().c_str());
    return store.isOk() ? store.takeValue() : nullptr;
}

void TestInterruptedRuns::ownerIsRecorded()
{
    auto store = open();
    QVERIFY(store);
    RunRepository runs(*store);
    auto id = runs.createRun(RunKind::LrFind, std::nullopt, QString());
    QVERIFY(id.isOk());
    const RunRecord run = *runs.findRun(id.value()).value();
    QCOMPARE(run.owner.pid, QCoreApplication::applicationPid());
    QCOMPARE(run.owner.host, RunOwner::current().host);
    QCOMPARE(run.owner.boot, RunOwner::current().boot);
    QVERIFY(!run.owner.host.isEmpty());
    QVERIFY(RunOwner::isProcessAlive(run.owner.pid));
}

void TestInterruptedRuns::markedWhenTheWorkspaceOpens_data()
{
    QTest::addColumn<QString>("status");      // as stored before the workspace is opened again
    QTest::addColumn<Host>("host");
    QTest::addColumn<Process>("process");
    QTest::addColumn<Boot>("boot");
    QTest::addColumn<int>("heartbeatAge");    // seconds
    QTest::addColumn<QString>("expectedStatus");
    QTest::addColumn<QString>("reason");      // the stored error's start; %pid, %host, %heartbeat filled in

    const int old = int(s_staleAfter.count()) + 60;
    const QString ended = QStringLiteral("the process %pid on host %host ended without finishing");
    QTest::newRow("dead pid on this host") << "running" << Host::This << Process::Ended << Boot::Current << 1
                                           << "interrupted" << ended;
    QTest::newRow("live pid on this host") << "running" << Host::This << Process::ThisOne << Boot::Current << 1
                                           << "running" << QString();
    QTest::newRow("live pid on this host, old heartbeat: the process is asked, not the clock")
        << "running" << Host::This << Process::ThisOne << Boot::Current << old << "running" << QString();
    QTest::newRow("this host, an earlier boot") << "running" << Host::This << Process::ThisOne << Boot::Earlier << 1
                                                << "interrupted" << ended + " (the host has restarted since)";
    QTest::newRow("old heartbeat on another host")
        << "running" << Host::Other << Process::ThisOne << Boot::Current << old << "interrupted"
        << QStringLiteral("no heartbeat since %heartbeat (process %pid on host %host)");
    QTest::newRow("recent heartbeat on another host")
        << "running" << Host::Other << Process::Ended << Boot::Current << 30 << "running" << QString();
    QTest::newRow("old heartbeat, no owner (stored before owners)")
        << "running" << Host::Unknown << Process::Ended << Boot::Current << old << "interrupted"
        << QStringLiteral("no heartbeat since %heartbeat");
    QTest::newRow("recent heartbeat, no owner") << "running" << Host::Unknown << Process::Ended << Boot::Current << 30
                                                << "running" << QString();
    QTest::newRow("completed run, dead pid: untouched") << "completed" << Host::This << Process::Ended << Boot::Current
                                                        << old << "completed" << QString();
    QTest::newRow("failed run on another host, old heartbeat: untouched")
        << "failed" << Host::Other << Process::Ended << Boot::Earlier << old << "failed" << QString();
    QTest::newRow("cancelled run, earlier boot: untouched")
        << "cancelled" << Host::This << Process::Ended << Boot::Earlier << old << "cancelled" << QString();
}

void TestInterruptedRuns::markedWhenTheWorkspaceOpens()
{
    QFETCH(QString, status);
    QFETCH(Host, host);
    QFETCH(Process, process);
    QFETCH(Boot, boot);
    QFETCH(int, heartbeatAge);
    QFETCH(QString, expectedStatus);
    QFETCH(QString, reason);

    const qint64 pid = process == Process::ThisOne ? QCoreApplication::applicationPid() : endedProcessId();
    QVERIFY(pid > 0);
    const QString hostName = host == Host::This ? RunOwner::current().host : QStringLiteral("elsewhere.example");
    const QString bootId = boot == Boot::Current ? RunOwner::current().boot : QStringLiteral("an-earlier-boot");
    const QString heartbeat = UtcTimestamp::format(QDateTime::currentDateTimeUtc().addSecs(-heartbeatAge));
    qint64 runId = 0;
    {
        auto store = open();
        QVERIFY(store);
        RunRepository runs(*store);
        auto created = runs.createRun(RunKind::Train, std::nullopt, QStringLiteral("{}"));
        QVERIFY(created.isOk());
        runId = created.value();
        if (status != QLatin1String("running"))
            QVERIFY(runs.finishRun(runId, *runStatusFromName(status), 1.0, QStringLiteral("{}"),
                                   status == QLatin1String("failed") ? QStringLiteral("it failed") : QString())
                        .isOk());
        const bool known = host != Host::Unknown;
        QVERIFY(store->exec(QStringLiteral("UPDATE runs SET owner_host = ?, owner_pid = ?, owner_boot = ?, "
                                           "heartbeat_at = ? WHERE id = ?"),
                            {known ? QVariant(hostName) : QVariant(), known ? QVariant(pid) : QVariant(),
                             known ? QVariant(bootId) : QVariant(), heartbeat, runId})
                    .isOk());
    }
    // A boot id is what tells an earlier boot; without one (not Linux) that row cannot happen.
    if (boot == Boot::Earlier && RunOwner::current().boot.isEmpty() && status == QLatin1String("running"))
        QSKIP("this system has no boot id");

    auto store = open();
    QVERIFY(store);
    QVERIFY2(store->interruptedCheck().isOk(), store->interruptedCheck().message().c_str());
    const RunRecord run = *RunRepository(*store).findRun(runId).value();
    QCOMPARE(runStatusName(run.status), expectedStatus);
    const bool marked = expectedStatus == QLatin1String("interrupted");
    QCOMPARE(store->interruptedOnOpen().size(), std::size_t(marked ? 1 : 0));
    if (!marked) {
        QCOMPARE(run.error, status == QLatin1String("failed") ? QStringLiteral("it failed") : QString());
        return;
    }
    QCOMPARE(store->interruptedOnOpen().front().id, runId);
    QCOMPARE(store->interruptedOnOpen().front().error, run.error);
    QVERIFY(run.finishedAt.isValid());
    const QString expected = QString(reason)
                                 .replace(QStringLiteral("%pid"), QString::number(pid))
                                 .replace(QStringLiteral("%host"), hostName)
                                 .replace(QStringLiteral("%heartbeat"), heartbeat);
    QCOMPARE(run.error, expected);
}

void TestInterruptedRuns::anotherHostsRunIsMarkedOnlyOnce()
{
    auto store = open();
    QVERIFY(store);
    RunRepository runs(*store);
    const qint64 id = runs.createRun(RunKind::Snapshot, std::nullopt, QString()).value();
    QVERIFY(store->exec(QStringLiteral("UPDATE runs SET owner_host = 'elsewhere.example' WHERE id = ?"), {id}).isOk());
    // A run of another host is judged by its heartbeat: with no grace at all it is presumed dead.
    auto marked = runs.markInterrupted(std::chrono::seconds(0));
    QVERIFY2(marked.isOk(), marked.message().c_str());
    QCOMPARE(marked.value().size(), std::size_t(1));
    QCOMPARE(marked.value().front().status, RunStatus::Interrupted);
    QCOMPARE(runs.markInterrupted(std::chrono::seconds(0)).value().size(), std::size_t(0));
    // This process's own run is never presumed dead, whatever the grace.
    const qint64 own = runs.createRun(RunKind::Train, std::nullopt, QString()).value();
    QCOMPARE(runs.markInterrupted(std::chrono::seconds(0)).value().size(), std::size_t(0));
    QCOMPARE(runs.findRun(own).value()->status, RunStatus::Running);
}

void TestInterruptedRuns::aBeatRevivesARunPresumedDead()
{
    auto store = open();
    QVERIFY(store);
    RunRepository runs(*store);
    const qint64 id = runs.createRun(RunKind::Train, std::nullopt, QString()).value();
    QVERIFY(store->exec(QStringLiteral("UPDATE runs SET owner_host = 'elsewhere.example' WHERE id = ?"), {id}).isOk());
    QCOMPARE(runs.markInterrupted(std::chrono::seconds(0)).value().size(), std::size_t(1));
    // It was only slow: its next beat (or metrics write) says it is running.
    QVERIFY(runs.touchRun(id).isOk());
    const RunRecord revived = *runs.findRun(id).value();
    QCOMPARE(revived.status, RunStatus::Running);
    QVERIFY(revived.error.isEmpty());
    QVERIFY(!revived.finishedAt.isValid());
    // A finished run stays finished when touched.
    QVERIFY(runs.finishRun(id, RunStatus::Completed, 2.0, QStringLiteral("{}")).isOk());
    QVERIFY(runs.touchRun(id).isOk());
    QCOMPARE(runs.findRun(id).value()->status, RunStatus::Completed);
}

void TestInterruptedRuns::heartbeatIsThrottled()
{
    auto store = open();
    QVERIFY(store);
    RunRepository runs(*store);
    const qint64 id = runs.createRun(RunKind::Train, std::nullopt, QString()).value();
    const QString old = QStringLiteral("2020-01-01T00:00:00.000Z");
    QVERIFY(store->exec(QStringLiteral("UPDATE runs SET heartbeat_at = ? WHERE id = ?"), {old, id}).isOk());

    RunHeartbeat slow(*store, id, std::chrono::hours(1));
    QVERIFY(slow.beat().isOk());
    QCOMPARE(UtcTimestamp::format(runs.findRun(id).value()->heartbeatAt), old); // not due: no write

    RunHeartbeat eager(*store, id, std::chrono::milliseconds(0));
    QVERIFY(eager.beat().isOk());
    QVERIFY(runs.findRun(id).value()->heartbeatAt > UtcTimestamp::parse(old));

    // A progress sink around a heartbeat beats and passes the report on.
    QVERIFY(store->exec(QStringLiteral("UPDATE runs SET heartbeat_at = ? WHERE id = ?"), {old, id}).isOk());
    int reports = 0;
    const ProgressSink sink = RunHeartbeat::around(std::make_shared<RunHeartbeat>(*store, id, std::chrono::milliseconds(0)),
                                                   [&reports](const Progress &) {
                                                       ++reports;
                                                       return ProgressAction::Stop;
                                                   });
    QCOMPARE(sink(Progress{0.5, "training"}), ProgressAction::Stop);
    QCOMPARE(reports, 1);
    QVERIFY(runs.findRun(id).value()->heartbeatAt > UtcTimestamp::parse(old));
}

void TestInterruptedRuns::killedProcessIsInterruptedOnNextOpen()
{
    QVERIFY(open()); // create and migrate first, so the child only adds its run
    QProcess owner;
    owner.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--owner"), path()});
    QVERIFY2(owner.waitForStarted(10000), qPrintable(owner.errorString()));
    while (!owner.canReadLine() && owner.state() == QProcess::Running)
        owner.waitForReadyRead(30000);
    const QString line = QString::fromUtf8(owner.readLine()).trimmed();
    QVERIFY2(line.startsWith(QStringLiteral("run ")), qPrintable(line));
    const qint64 runId = line.mid(4).toLongLong();
    const qint64 pid = owner.processId();

    {
        // While its process lives, opening the workspace leaves the run alone.
        auto store = open();
        QVERIFY(store);
        QVERIFY(store->interruptedOnOpen().empty());
        QCOMPARE(RunRepository(*store).findRun(runId).value()->status, RunStatus::Running);
    }
    owner.kill(); // SIGKILL: no chance to finish the run
    QVERIFY(owner.waitForFinished(10000));

    auto store = open();
    QVERIFY(store);
    QCOMPARE(store->interruptedOnOpen().size(), std::size_t(1));
    const RunRecord run = *RunRepository(*store).findRun(runId).value();
    QCOMPARE(run.status, RunStatus::Interrupted);
    QCOMPARE(run.owner.pid, pid);
    QCOMPARE(run.error, QStringLiteral("the process %1 on host %2 ended without finishing")
                            .arg(pid)
                            .arg(RunOwner::current().host));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--owner") == 0)
        return runOwner(QString::fromLocal8Bit(argv[2]));
    TestInterruptedRuns test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_interruptedruns.moc"
