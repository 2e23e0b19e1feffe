// A `loupe-cli train` killed with SIGKILL leaves its run 'running'; the next command that opens the
// workspace marks it 'interrupted' and says so on stderr, naming the run and the dead process
// (issue 13, item 11). The training runs on the blobs fixture with far more epochs than it gets
// to finish; the test waits for its first stored epoch, kills it, then runs `load`.

#include "tests/support/CliProcess.h"

#include "db/runs/RunOwner.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LOUPE_FIXTURES_DIR "/") + name;
}

// The workspace's train runs (opening it here also runs the check, as any opener does).
std::vector<RunRecord> trainRuns(const QString &workspace)
{
    auto store = Store::open(workspace);
    if (!store.isOk())
        return {};
    auto runs = RunRepository(*store.value()).listRuns(RunKind::Train);
    return runs.isOk() ? runs.value() : std::vector<RunRecord>();
}

int storedEpochs(const QString &workspace, qint64 runId)
{
    auto store = Store::open(workspace);
    if (!store.isOk())
        return 0;
    auto epochs = RunRepository(*store.value()).epochMetrics(runId);
    return epochs.isOk() ? int(epochs.value().size()) : 0;
}

} // namespace

class TestCliInterrupted : public QObject {
    Q_OBJECT

private slots:
    void killedTrainIsInterruptedWhenTheWorkspaceOpens();
};

void TestCliInterrupted::killedTrainIsInterruptedWhenTheWorkspaceOpens()
{
    QTemporaryDir dir;
    const QString workspace = dir.filePath(QStringLiteral("workspace.sqlite"));
    QProcess train;
    train.setWorkingDirectory(dir.path());
    train.setStandardOutputFile(QProcess::nullDevice());
    train.start(QStringLiteral(LOUPE_CLI_PATH),
                {"train", fixture("lr/blob-spec.json"), "--data", fixture("lr/blobs.csv"), "--target", "label",
                 "--epochs", "1000000", "--json", "--db", workspace});
    QVERIFY2(train.waitForStarted(10000), qPrintable(train.errorString()));
    const qint64 pid = train.processId();

    // Wait (however long the machine needs) until the run has stored an epoch: it is well under way.
    qint64 runId = 0;
    QVERIFY(QTest::qWaitFor(
        [&] {
            const std::vector<RunRecord> runs = trainRuns(workspace);
            runId = runs.empty() ? 0 : runs.front().id;
            return train.state() != QProcess::Running || (runId > 0 && storedEpochs(workspace, runId) > 0);
        },
        120000));
    QCOMPARE(train.state(), QProcess::Running);
    const std::vector<RunRecord> before = trainRuns(workspace);
    QCOMPARE(before.size(), std::size_t(1));
    QCOMPARE(before.front().status, RunStatus::Running); // alive: opening the workspace left it alone
    QCOMPARE(before.front().owner.pid, pid);

    train.kill(); // SIGKILL
    QVERIFY(train.waitForFinished(10000));

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const testsupport::CliRun load = testsupport::runCli(
        {"load", fixture("cli/typed.csv"), "--db", workspace}, environment, dir.path(), 60000);
    QCOMPARE(load.exitCode, 0);
    const QString expected = QStringLiteral("loupe-cli load: warning: run %1 (train, started ").arg(runId);
    QVERIFY2(QString::fromUtf8(load.err).contains(expected), load.err.constData());
    const QString reason = QStringLiteral("was interrupted: the process %1 on host %2 ended without finishing")
                               .arg(pid)
                               .arg(RunOwner::current().host);
    QVERIFY2(QString::fromUtf8(load.err).contains(reason), load.err.constData());

    const std::vector<RunRecord> after = trainRuns(workspace);
    QCOMPARE(after.size(), std::size_t(1));
    QCOMPARE(after.front().status, RunStatus::Interrupted);
    QVERIFY(after.front().finishedAt.isValid());
    QVERIFY(after.front().summaryJson.contains(QStringLiteral("\"data\""))); // what it trained on is kept

    // Told once: the next opener finds nothing new.
    const testsupport::CliRun again = testsupport::runCli(
        {"load", fixture("cli/typed.csv"), "--db", workspace}, environment, dir.path(), 60000);
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(!QString::fromUtf8(again.err).contains(QStringLiteral("interrupted")), again.err.constData());
}

QTEST_GUILESS_MAIN(TestCliInterrupted)
#include "tst_cliinterrupted.moc"
