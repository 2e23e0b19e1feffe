// Several workers on one study, each with its own SqlTrialStore and connection (as separate
// processes would have), writing at once: every worker's in-memory view of the study (issue 24's
// incremental reads) must end equal to the table, including the trials other workers finished,
// failed or reaped after this worker first saw them RUNNING. One worker's process "dies" with a
// trial RUNNING (its store is destroyed without finishing it): the others see it RUNNING, reap it
// after the grace period, and every view ends with it as an abandoned FAIL and the budget filled
// by COMPLETE and FAIL trials numbered 0, 1, 2, ... without gaps. On SQLite and on PostgreSQL (a
// throw-away cluster; skipped when none can be started, failed under CI).

#include "db/store/Store.h"
#include "db/studies/SqlTrialStore.h"
#include "db/studies/TrialRepository.h"
#include "tests/support/StudyLocations.h"

#include <QTest>

#include <set>
#include <thread>

using namespace loupe;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(loupe::StoreBackend)

namespace {

constexpr int s_workers = 4;
constexpr int s_budget = 40;
constexpr std::chrono::milliseconds s_grace{300};

struct WorkerLog {
    std::set<int> own;
    std::set<int> seenRunning; // other workers' trials this worker saw RUNNING
    std::vector<Trial> finalView;
    std::string error;
};

QString describe(const std::vector<Trial> &trials)
{
    QStringList out;
    for (const Trial &trial : trials)
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(trial.number)
                   .arg(QString::fromStdString(std::string(trialStateName(trial.state))))
                   .arg(trial.loss ? QString::number(*trial.loss) : QStringLiteral("-"))
                   .arg(QString::fromStdString(trial.error));
    return out.join(QLatin1Char('\n'));
}

// One worker: read the study, reserve, "evaluate" (a few ms; trials numbered 2 mod 5 fail), finish,
// until the budget is used up; when it is full with trials still RUNNING, reap and wait. Worker 0
// also runs one trial in a store it then destroys unfinished, as a killed process would leave it.
void work(const QString &location, qint64 study, const SearchSpace &space, int index, WorkerLog &log)
{
    const QString name = QStringLiteral("worker%1").arg(index);
    SqlTrialStore store(location, study, space, name, TrialHeartbeat::intervalForGrace(s_grace));
    TrialParams params(1);
    for (int round = 0;; ++round) {
        const auto seen = store.trials();
        if (!seen.isOk()) {
            log.error = seen.message();
            return;
        }
        for (const Trial &trial : seen.value())
            if (trial.state == TrialState::Running && !log.own.contains(trial.number))
                log.seenRunning.insert(trial.number);
        if (index == 0 && round == 3) {
            SqlTrialStore dying(location, study, space, name + QStringLiteral("-dying"));
            params.set(0, 0.5);
            const auto lost = dying.reserve(params, s_budget, BudgetRule::AllTrials);
            if (!lost.isOk() || !lost.value()) {
                log.error = "the dying worker could not reserve a trial";
                return;
            }
            log.own.insert(*lost.value());
            continue;
        }
        params.set(0, (round % 10) / 10.0);
        const auto number = store.reserve(params, s_budget, BudgetRule::AllTrials);
        if (!number.isOk()) {
            log.error = number.message();
            return;
        }
        if (!number.value()) {
            const auto counts = store.counts();
            if (!counts.isOk()) {
                log.error = counts.message();
                return;
            }
            if (counts.value().counted() >= s_budget)
                break;
            if (const auto reaped = store.reapStale(s_grace); !reaped.isOk()) {
                log.error = reaped.message();
                return;
            }
            std::this_thread::sleep_for(5ms);
            continue;
        }
        log.own.insert(*number.value());
        std::this_thread::sleep_for(std::chrono::milliseconds(1 + (*number.value() * 7 + index) % 4));
        const bool fails = *number.value() % 5 == 2;
        const Status finished = store.finish(*number.value(), fails ? TrialState::Fail : TrialState::Complete,
                                             fails ? std::nullopt : std::optional<double>(0.5 + index),
                                             fails ? "loss is NaN" : "", 0.001);
        if (!finished.isOk()) {
            log.error = finished.message();
            return;
        }
    }
    const auto last = store.trials();
    if (!last.isOk()) {
        log.error = last.message();
        return;
    }
    log.finalView = last.value();
}

} // namespace

class TestWorkerViews : public QObject {
    Q_OBJECT

private slots:
    void everyWorkerSeesEveryResult_data();
    void everyWorkerSeesEveryResult();

private:
    test::StudyLocations m_locations;
};

void TestWorkerViews::everyWorkerSeesEveryResult_data()
{
    QTest::addColumn<StoreBackend>("backend");
    QTest::newRow("sqlite") << StoreBackend::Sqlite;
    QTest::newRow("postgresql") << StoreBackend::PostgreSql;
}

void TestWorkerViews::everyWorkerSeesEveryResult()
{
    QFETCH(StoreBackend, backend);
    if (backend == StoreBackend::PostgreSql && !m_locations.postgresReason().isEmpty())
        LOUPE_REQUIRE_RESOURCE(m_locations.postgresReason());
    auto created = m_locations.create(backend, s_budget);
    QVERIFY2(created.isOk(), created.message().c_str());
    const QString location = created.value().location;
    const qint64 study = created.value().studyId;
    const SearchSpace space = test::StudyLocations::space();

    std::vector<WorkerLog> logs(s_workers);
    std::vector<std::thread> threads;
    for (int i = 0; i < s_workers; ++i)
        threads.emplace_back([&, i] { work(location, study, space, i, logs[std::size_t(i)]); });
    for (std::thread &thread : threads)
        thread.join();
    for (const WorkerLog &log : logs)
        QVERIFY2(log.error.empty(), log.error.c_str());

    auto opened = Store::open(location);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    std::vector<Trial> table;
    const std::vector<TrialRecord> stored = TrialRepository(*opened.value()).list(study).value();
    for (const TrialRecord &record : stored)
        table.push_back(toTrial(record, space).value());
    // The study: numbers 0..N-1, the budget filled, one abandoned trial (the dead worker's), nothing running.
    int counted = 0;
    int abandoned = 0;
    for (std::size_t i = 0; i < table.size(); ++i) {
        QCOMPARE(table[i].number, int(i));
        QVERIFY(table[i].state != TrialState::Running);
        if (table[i].error.rfind("worker lost", 0) == 0)
            ++abandoned;
        else
            ++counted;
    }
    QCOMPARE(counted, s_budget);
    QCOMPARE(abandoned, 1);

    // Every worker's view is the table, whoever wrote each trial and whenever.
    int seenThenFailed = 0;
    int seenThenReaped = 0;
    int seenThenCompleted = 0;
    for (const WorkerLog &log : logs) {
        QCOMPARE(describe(log.finalView), describe(table));
        for (const int number : log.seenRunning) {
            const Trial &trial = log.finalView[std::size_t(number)];
            seenThenCompleted += trial.state == TrialState::Complete;
            seenThenFailed += trial.state == TrialState::Fail && trial.error == "loss is NaN";
            seenThenReaped += trial.error.rfind("worker lost", 0) == 0;
        }
    }
    // The cases the views had to follow did happen.
    QVERIFY(seenThenCompleted > 0);
    QVERIFY(seenThenFailed > 0);
    QVERIFY(seenThenReaped > 0);
}

QTEST_GUILESS_MAIN(TestWorkerViews)
#include "tst_workerviews.moc"
