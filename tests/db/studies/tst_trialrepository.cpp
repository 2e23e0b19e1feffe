// StudyRepository + TrialRepository on SQLite: create-or-open by name (same / different space),
// atomic reservation from many threads (unique consecutive numbers, budget never overshot),
// finishing, abandoning, reaping stale heartbeats, late results, the heartbeat thread.

#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialHeartbeat.h"
#include "db/studies/TrialRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace loupe;
using namespace std::chrono_literals;

namespace {

StudyRecord braninStudy(const QString &name)
{
    StudyRecord study;
    study.name = name;
    study.spaceJson = QStringLiteral(R"({"x1": {"uniform": [-5, 10]}, "x2": {"uniform": [0, 15]}})");
    study.sampler = QStringLiteral("tpe");
    study.seed = 7;
    study.maxEvals = 20;
    study.objectiveJson = QStringLiteral(R"({"objective": "branin"})");
    return study;
}

TrialOutcome complete(double loss)
{
    TrialOutcome outcome;
    outcome.state = TrialState::Complete;
    outcome.loss = loss;
    outcome.seconds = 0.25;
    return outcome;
}

} // namespace

class TestTrialRepository : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void createOrOpenStudy();
    void differentSpaceIsRejected();
    void openExistingRequiresStudy();
    void reserveNumbersAndBudget();
    void finishCompleteAndFail();
    void finishTwiceFails();
    void concurrentReservationsAreUnique();
    void reapStaleHeartbeats();
    void lateResultAfterReapIsKept();
    void heartbeatThreadKeepsTrialAlive();
    void removeStudyCascades();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Store> m_store;
    qint64 m_studyId = 0;
};

void TestTrialRepository::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("ws.sqlite"));
    auto store = Store::open(m_path);
    QVERIFY2(store.isOk(), store.message().c_str());
    m_store = store.takeValue();
    auto study = StudyRepository(*m_store).createOrOpen(braninStudy(QStringLiteral("b")));
    QVERIFY2(study.isOk(), study.message().c_str());
    m_studyId = study.value().id;
}

void TestTrialRepository::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestTrialRepository::createOrOpenStudy()
{
    StudyRepository studies(*m_store);
    StudyRecord again = braninStudy(QStringLiteral("b"));
    // Same space with other key order and spacing, other sampler/seed/budget: the stored ones win.
    again.spaceJson = QStringLiteral(R"({ "x2":{"uniform":[0,15]}, "x1":{"uniform":[-5,10]} })");
    again.sampler = QStringLiteral("random");
    again.seed = 99;
    again.maxEvals = 5;
    auto opened = studies.createOrOpen(again);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    QCOMPARE(opened.value().id, m_studyId);
    QCOMPARE(opened.value().sampler, QStringLiteral("tpe"));
    QCOMPARE(opened.value().seed, std::optional<qint64>(7));
    QCOMPARE(opened.value().maxEvals, std::optional<int>(20));
    QVERIFY(opened.value().createdAt.isValid());
    QVERIFY(studies.setMaxEvals(m_studyId, 30).isOk());
    QCOMPARE(studies.find(QStringLiteral("b")).value()->maxEvals, std::optional<int>(30));
    QVERIFY(!studies.find(QStringLiteral("nope")).value().has_value());
    QCOMPARE(studies.list().value().size(), std::size_t(1));
}

void TestTrialRepository::differentSpaceIsRejected()
{
    StudyRecord other = braninStudy(QStringLiteral("b"));
    other.spaceJson = QStringLiteral(R"({"x1": {"uniform": [-5, 11]}, "x2": {"uniform": [0, 15]}})");
    auto opened = StudyRepository(*m_store).createOrOpen(other);
    QVERIFY(!opened.isOk());
    QCOMPARE(opened.status().code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(opened.message()).contains(QStringLiteral("'b'"))
                 && QString::fromStdString(opened.message()).contains(QStringLiteral("different search space")),
             opened.message().c_str());
    StudyRecord otherObjective = braninStudy(QStringLiteral("b"));
    otherObjective.objectiveJson = QStringLiteral(R"({"objective": "hartmann6"})");
    QVERIFY(!StudyRepository(*m_store).createOrOpen(otherObjective).isOk());
}

void TestTrialRepository::openExistingRequiresStudy()
{
    auto missing = StudyRepository(*m_store).createOrOpen(braninStudy(QStringLiteral("x")), StudyOpenMode::OpenExisting);
    QVERIFY(!missing.isOk());
    QVERIFY2(QString::fromStdString(missing.message()).contains(QStringLiteral("no study named 'x'")),
             missing.message().c_str());
    auto present = StudyRepository(*m_store).createOrOpen(braninStudy(QStringLiteral("b")), StudyOpenMode::OpenExisting);
    QVERIFY(present.isOk());
    QCOMPARE(present.value().id, m_studyId);
}

void TestTrialRepository::reserveNumbersAndBudget()
{
    TrialRepository trials(*m_store);
    for (int i = 0; i < 3; ++i) {
        auto trial = trials.reserve(m_studyId, QStringLiteral(R"({"x1": %1})").arg(i), QStringLiteral("w"), 3);
        QVERIFY2(trial.isOk(), trial.message().c_str());
        QVERIFY(trial.value().has_value());
        QCOMPARE(trial.value()->number, i);
        QCOMPARE(trial.value()->state, TrialState::Running);
    }
    // Three running trials fill a budget of three.
    auto full = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), 3);
    QVERIFY(full.isOk());
    QVERIFY(!full.value().has_value());
    // An abandoned trial frees its place; its number is not reused.
    auto list = trials.list(m_studyId).value();
    QVERIFY(trials.abandon(list[1].id, QStringLiteral("interrupted")).isOk());
    auto next = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), 3);
    QVERIFY(next.isOk() && next.value().has_value());
    QCOMPARE(next.value()->number, 3);
    const TrialCounts counts = trials.counts(m_studyId).value();
    QCOMPARE(counts.running, 3);
    QCOMPARE(counts.abandoned, 1);
    QCOMPARE(counts.counted(), 0);
    QCOMPARE(counts.maxNumber, 3);
    const auto abandoned = trials.find(list[1].id).value();
    QVERIFY(abandoned && abandoned->abandoned && abandoned->state == TrialState::Fail);
    QCOMPARE(abandoned->error, QStringLiteral("interrupted"));
    // No budget: always reserves.
    QVERIFY(trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), -1).value().has_value());
}

void TestTrialRepository::finishCompleteAndFail()
{
    TrialRepository trials(*m_store);
    const qint64 a = trials.reserve(m_studyId, QStringLiteral(R"({"x1": 1.5})"), QStringLiteral("w"), -1).value()->id;
    const qint64 b = trials.reserve(m_studyId, QStringLiteral(R"({"x1": 2.5})"), QStringLiteral("w"), -1).value()->id;
    const qint64 c = trials.reserve(m_studyId, QStringLiteral(R"({"x1": 3.5})"), QStringLiteral("w"), -1).value()->id;
    QVERIFY(trials.finish(a, complete(0.75)).isOk());
    TrialOutcome failed;
    failed.state = TrialState::Fail;
    failed.error = QStringLiteral("loss is NaN at epoch 1");
    failed.seconds = 1.0;
    QVERIFY(trials.finish(b, failed).isOk());
    QVERIFY(trials.finish(c, complete(0.5)).isOk());
    TrialOutcome nanLoss = complete(std::numeric_limits<double>::quiet_NaN());
    const qint64 d = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), -1).value()->id;
    QVERIFY(!trials.finish(d, nanLoss).isOk());

    const auto list = trials.list(m_studyId).value();
    QCOMPARE(list.size(), std::size_t(4));
    QCOMPARE(list[0].state, TrialState::Complete);
    QCOMPARE(list[0].loss, std::optional<double>(0.75));
    QCOMPARE(list[0].seconds, std::optional<double>(0.25));
    QCOMPARE(list[0].paramsJson, QStringLiteral(R"({"x1": 1.5})"));
    QVERIFY(list[0].finishedAt.isValid());
    QCOMPARE(list[1].state, TrialState::Fail);
    QVERIFY(!list[1].abandoned);
    QCOMPARE(list[1].error, QStringLiteral("loss is NaN at epoch 1"));
    QCOMPARE(list[3].state, TrialState::Running);
    const TrialCounts counts = trials.counts(m_studyId).value();
    QCOMPARE(counts.complete, 2);
    QCOMPARE(counts.failed, 1);
    QCOMPARE(counts.counted(), 3);
    auto best = trials.best(m_studyId).value();
    QVERIFY(best.has_value());
    QCOMPARE(best->id, c);
    QCOMPARE(trials.best(m_studyId, true).value()->id, a);
}

void TestTrialRepository::finishTwiceFails()
{
    TrialRepository trials(*m_store);
    const qint64 a = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), -1).value()->id;
    QVERIFY(trials.finish(a, complete(1.0)).isOk());
    const Status again = trials.finish(a, complete(2.0));
    QVERIFY(!again.isOk());
    QVERIFY2(QString::fromStdString(again.message()).contains(QStringLiteral("already ended")), again.message().c_str());
    QCOMPARE(trials.find(a).value()->loss, std::optional<double>(1.0));
    QVERIFY(!trials.finish(987654, complete(1.0)).isOk());
    // Abandoning a finished trial changes nothing.
    QVERIFY(trials.abandon(a, QStringLiteral("interrupted")).isOk());
    QCOMPARE(trials.find(a).value()->state, TrialState::Complete);
}

void TestTrialRepository::concurrentReservationsAreUnique()
{
    constexpr int threads = 4;
    constexpr int budget = 60;
    std::vector<std::string> errors(threads);
    std::vector<std::vector<int>> numbers(threads);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            auto store = Store::open(m_path);
            if (!store.isOk()) {
                errors[t] = store.message();
                return;
            }
            TrialRepository trials(*store.value());
            for (;;) {
                auto trial = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("t%1").arg(t), budget);
                if (!trial.isOk()) {
                    errors[t] = trial.message();
                    return;
                }
                if (!trial.value())
                    return;
                numbers[t].push_back(trial.value()->number);
                const Status finished = trials.finish(trial.value()->id, complete(double(trial.value()->number)));
                if (!finished.isOk()) {
                    errors[t] = finished.message();
                    return;
                }
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    std::set<int> all;
    std::size_t total = 0;
    for (int t = 0; t < threads; ++t) {
        QVERIFY2(errors[t].empty(), errors[t].c_str());
        all.insert(numbers[t].begin(), numbers[t].end());
        total += numbers[t].size();
    }
    QCOMPARE(total, std::size_t(budget));
    QCOMPARE(all.size(), std::size_t(budget));
    QCOMPARE(*all.begin(), 0);
    QCOMPARE(*all.rbegin(), budget - 1);
    QCOMPARE(TrialRepository(*m_store).counts(m_studyId).value().complete, budget);
}

void TestTrialRepository::reapStaleHeartbeats()
{
    TrialRepository trials(*m_store);
    const qint64 stale = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("dead"), -1).value()->id;
    const qint64 fresh = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("alive"), -1).value()->id;
    QSqlQuery query = m_store->query();
    QVERIFY(query.exec(QStringLiteral("UPDATE trials SET heartbeat_at = '2020-01-02T03:04:05.678Z' WHERE id = %1")
                           .arg(stale)));
    auto reaped = trials.reapStale(m_studyId, 10s);
    QVERIFY2(reaped.isOk(), reaped.message().c_str());
    QCOMPARE(reaped.value(), 1);
    const auto dead = trials.find(stale).value();
    QCOMPARE(dead->state, TrialState::Fail);
    QVERIFY(dead->abandoned);
    QCOMPARE(dead->error, QStringLiteral("worker lost (no heartbeat since 2020-01-02T03:04:05.678Z)"));
    QCOMPARE(trials.find(fresh).value()->state, TrialState::Running);
    // Another study's stale trial is not touched by a per-study reap, but by a global one.
    auto other = StudyRepository(*m_store).createOrOpen(braninStudy(QStringLiteral("other")));
    const qint64 otherTrial = trials.reserve(other.value().id, QStringLiteral("{}"), QStringLiteral("w"), -1).value()->id;
    QVERIFY(query.exec(QStringLiteral("UPDATE trials SET heartbeat_at = '2020-01-01T00:00:00.000Z' WHERE id = %1")
                           .arg(otherTrial)));
    QCOMPARE(trials.reapStale(m_studyId, 10s).value(), 0);
    QCOMPARE(trials.reapStale(0, 10s).value(), 1);
    // With a zero grace period every running trial is stale.
    QTest::qWait(5);
    QCOMPARE(trials.reapStale(m_studyId, 0ms).value(), 1);
    QCOMPARE(trials.counts(m_studyId).value().abandoned, 2);
}

void TestTrialRepository::lateResultAfterReapIsKept()
{
    TrialRepository trials(*m_store);
    const qint64 slow = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("slow"), -1).value()->id;
    QTest::qWait(5);
    QCOMPARE(trials.reapStale(m_studyId, 0ms).value(), 1);
    QVERIFY(trials.finish(slow, complete(0.125)).isOk());
    const auto record = trials.find(slow).value();
    QCOMPARE(record->state, TrialState::Complete);
    QVERIFY(!record->abandoned);
    QCOMPARE(record->loss, std::optional<double>(0.125));
}

void TestTrialRepository::heartbeatThreadKeepsTrialAlive()
{
    TrialRepository trials(*m_store);
    const qint64 id = trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), -1).value()->id;
    QSqlQuery query = m_store->query();
    QVERIFY(query.exec(QStringLiteral("UPDATE trials SET heartbeat_at = '2020-01-01T00:00:00.000Z' WHERE id = %1").arg(id)));
    {
        TrialHeartbeat heartbeat(m_path, 20ms);
        heartbeat.add(id);
        QTRY_VERIFY_WITH_TIMEOUT(heartbeat.beats() >= 2, 10000);
        QVERIFY2(heartbeat.lastError().isOk(), heartbeat.lastError().message().c_str());
        heartbeat.remove(id);
    }
    QVERIFY(trials.find(id).value()->heartbeatAt.date().year() > 2020);
    QCOMPARE(trials.reapStale(m_studyId, 60s).value(), 0);
    QCOMPARE(trials.find(id).value()->state, TrialState::Running);
}

void TestTrialRepository::removeStudyCascades()
{
    TrialRepository trials(*m_store);
    QVERIFY(trials.reserve(m_studyId, QStringLiteral("{}"), QStringLiteral("w"), -1).isOk());
    QVERIFY(StudyRepository(*m_store).remove(m_studyId).isOk());
    QCOMPARE(trials.list(m_studyId).value().size(), std::size_t(0));
    QVERIFY(!StudyRepository(*m_store).remove(m_studyId).isOk());
}

QTEST_GUILESS_MAIN(TestTrialRepository)
#include "tst_trialrepository.moc"
