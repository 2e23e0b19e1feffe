// Distributed search on PostgreSQL: a throw-away cluster (tests/support/TemporaryPostgres.h), a
// 200-trial branin study created with `loupe-cli search --create-only`, four `loupe-cli worker`
// processes on it, one of them SIGKILLed while it runs a trial. Checks: exactly 200 COMPLETE
// trials, every trial number unique and consecutive, the killed worker's trial FAIL "worker lost
// ..." (declared lost by another worker after the grace period), and the study's best equal to
// the lowest loss of the completed trials. Skips when PostgreSQL or QPSQL is not installed (fails
// instead under CI=true, see tests/support/RequiredResource.h).

#include "tests/support/TemporaryPostgres.h"

#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <csignal>
#include <limits>
#include <memory>
#include <set>

using namespace loupe;

namespace {

constexpr int s_budget = 200;
constexpr int s_workers = 4;
const char *s_study = "dist";

} // namespace

class TestDistributedSearch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fourWorkersOneKilled();

private:
    QProcessEnvironment environment() const;
    std::unique_ptr<QProcess> startCli(const QStringList &arguments);
    // The RUNNING trials of the worker process `pid`.
    std::vector<TrialRecord> runningTrialsOf(qint64 pid);

    test::TemporaryPostgres m_postgres;
    QString m_url;
};

QProcessEnvironment TestDistributedSearch::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    return environment;
}

void TestDistributedSearch::initTestCase()
{
    if (const QString why = m_postgres.unavailableReason(); !why.isEmpty())
        LOUPE_REQUIRE_RESOURCE(why);
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.lastOutput()));
    const Status created = m_postgres.createDatabase(QStringLiteral("search"));
    QVERIFY2(created.isOk(), created.message().c_str());
    m_url = m_postgres.url(QStringLiteral("search"));
}

void TestDistributedSearch::cleanupTestCase()
{
    m_postgres.stop();
}

std::unique_ptr<QProcess> TestDistributedSearch::startCli(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(QStringLiteral(LOUPE_CLI_PATH), arguments);
    return process;
}

std::vector<TrialRecord> TestDistributedSearch::runningTrialsOf(qint64 pid)
{
    std::vector<TrialRecord> running;
    auto store = Store::open(m_url);
    if (!store.isOk())
        return running;
    auto study = StudyRepository(*store.value()).find(QString::fromLatin1(s_study));
    if (!study.isOk() || !study.value())
        return running;
    auto trials = TrialRepository(*store.value()).list(study.value()->id);
    if (!trials.isOk())
        return running;
    const QString marker = QStringLiteral(":%1/").arg(pid);
    for (const TrialRecord &trial : trials.value()) {
        if (trial.state == TrialState::Running && trial.worker.contains(marker))
            running.push_back(trial);
    }
    return running;
}

void TestDistributedSearch::fourWorkersOneKilled()
{
    // Each evaluation takes 20 ms (--cost), so the workers spend most of their time inside trials.
    const QStringList objective{QStringLiteral("--objective"), QStringLiteral("branin"), QStringLiteral("--cost"),
                                QStringLiteral("0.02")};
    auto create = startCli(QStringList{QStringLiteral("search")} + objective
                           + QStringList{QStringLiteral("--algo"), QStringLiteral("tpe"), QStringLiteral("--max-evals"),
                                         QString::number(s_budget), QStringLiteral("--seed"), QStringLiteral("5"),
                                         QStringLiteral("--storage"), m_url, QStringLiteral("--study"),
                                         QString::fromLatin1(s_study), QStringLiteral("--create-only"),
                                         QStringLiteral("--no-workspace")});
    QVERIFY(create->waitForFinished(60000));
    QVERIFY2(create->exitCode() == 0, create->readAllStandardError().constData());

    std::vector<std::unique_ptr<QProcess>> workers;
    for (int i = 0; i < s_workers; ++i) {
        workers.push_back(startCli({QStringLiteral("worker"), QStringLiteral("--storage"), m_url, QStringLiteral("--study"),
                                    QString::fromLatin1(s_study), QStringLiteral("--grace"), QStringLiteral("2"),
                                    QStringLiteral("--json"), QStringLiteral("--no-workspace")}));
        QVERIFY(workers.back()->waitForStarted());
    }

    // Kill worker 0 while it holds a RUNNING trial: freeze it, look, kill or let it go on.
    QProcess &victim = *workers[0];
    const qint64 victimPid = victim.processId();
    std::vector<TrialRecord> killedTrials;
    for (int attempt = 0; attempt < 200 && killedTrials.empty() && victim.state() == QProcess::Running; ++attempt) {
        QTest::qWait(attempt == 0 ? 300 : 15);
        ::kill(pid_t(victimPid), SIGSTOP);
        QTest::qWait(50); // let a statement it already sent finish on the server
        killedTrials = runningTrialsOf(victimPid);
        if (killedTrials.empty())
            ::kill(pid_t(victimPid), SIGCONT);
        else
            ::kill(pid_t(victimPid), SIGKILL);
    }
    QVERIFY2(!killedTrials.empty(), "worker 0 was never caught inside a trial");
    QVERIFY(victim.waitForFinished(10000));
    QCOMPARE(victim.exitStatus(), QProcess::CrashExit);

    for (int i = 1; i < s_workers; ++i) {
        QVERIFY2(workers[i]->waitForFinished(60000), "a worker did not finish");
        QVERIFY2(workers[i]->exitStatus() == QProcess::NormalExit && workers[i]->exitCode() == 0,
                 workers[i]->readAllStandardError().constData());
        const QJsonObject json = QJsonDocument::fromJson(workers[i]->readAllStandardOutput()).object();
        QCOMPARE(json[QStringLiteral("status")].toString(), QStringLiteral("completed"));
    }

    auto store = Store::open(m_url);
    QVERIFY2(store.isOk(), store.message().c_str());
    const qint64 studyId = StudyRepository(*store.value()).find(QString::fromLatin1(s_study)).value()->id;
    TrialRepository repository(*store.value());
    const auto trials = repository.list(studyId).value();
    int complete = 0;
    double lowest = std::numeric_limits<double>::infinity();
    std::set<int> numbers;
    std::set<QString> workerNames;
    for (const TrialRecord &trial : trials) {
        numbers.insert(trial.number);
        QVERIFY2(trial.state != TrialState::Running, qPrintable(QString::number(trial.number)));
        if (trial.state == TrialState::Complete) {
            ++complete;
            lowest = std::min(lowest, *trial.loss);
            workerNames.insert(trial.worker.section(QLatin1Char('/'), 0, 0));
        } else {
            // Only the killed worker's trial may have failed.
            QVERIFY(trial.abandoned);
            QVERIFY2(trial.error.startsWith(QStringLiteral("worker lost (no heartbeat since ")), qPrintable(trial.error));
        }
    }
    QCOMPARE(complete, s_budget);
    QCOMPARE(numbers.size(), trials.size());
    QCOMPARE(*numbers.begin(), 0);
    QCOMPARE(*numbers.rbegin(), int(trials.size()) - 1);
    QVERIFY(workerNames.size() >= std::size_t(s_workers - 1)); // the survivors all took part
    for (const TrialRecord &killed : killedTrials) {
        const auto after = repository.find(killed.id).value();
        QVERIFY(after.has_value());
        QCOMPARE(after->state, TrialState::Fail);
        QVERIFY(after->abandoned);
        QVERIFY2(after->error.startsWith(QStringLiteral("worker lost")), qPrintable(after->error));
    }
    QCOMPARE(int(trials.size()), s_budget + int(killedTrials.size()));

    // The study's best, as `loupe-cli search --resume` reports it, is the lowest completed loss.
    auto report = startCli(QStringList{QStringLiteral("search")} + objective
                           + QStringList{QStringLiteral("--storage"), m_url, QStringLiteral("--study"),
                                         QString::fromLatin1(s_study), QStringLiteral("--resume"),
                                         QStringLiteral("--json"), QStringLiteral("--no-workspace")});
    QVERIFY(report->waitForFinished(60000));
    QVERIFY2(report->exitCode() == 0, report->readAllStandardError().constData());
    const QJsonObject json = QJsonDocument::fromJson(report->readAllStandardOutput()).object();
    QCOMPARE(json[QStringLiteral("trials_run")].toInt(), 0);
    QCOMPARE(json[QStringLiteral("best")].toObject()[QStringLiteral("loss")].toDouble(), lowest);
    QCOMPARE(repository.best(studyId).value()->loss, std::optional<double>(lowest));
}

QTEST_GUILESS_MAIN(TestDistributedSearch)
#include "tst_distributedsearch.moc"
