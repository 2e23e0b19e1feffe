// Incremental trial reads (issue 24): SqlTrialStore keeps the study's trials in memory and reads
// only the rows changed since its last read. A seeded random mix of writes -- reservations by this
// store and by another process, trials finished, failed, abandoned, reaped, late results after a
// reap -- is checked after each read: the in-memory trials equal a full read of the table, the
// budget counts equal the counting query, and the read fetched exactly the trials changed since
// the previous one (none when nothing changed). A second store that starts later reads everything
// once and agrees. On SQLite and on PostgreSQL (a throw-away cluster; skipped when none can be
// started, failed under CI).

#include "db/store/Store.h"
#include "db/studies/SqlTrialStore.h"
#include "db/studies/TrialRepository.h"
#include "tests/support/StudyLocations.h"

#include <QSqlQuery>
#include <QTest>

#include <random>
#include <set>

using namespace loupe;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(loupe::StoreBackend)

namespace {

QString describe(const std::vector<Trial> &trials, const SearchSpace &space)
{
    QStringList out;
    for (const Trial &trial : trials)
        out << QStringLiteral("%1 %2 %3 %4 %5 %6")
                   .arg(trial.number)
                   .arg(QString::fromStdString(std::string(trialStateName(trial.state))))
                   .arg(trial.loss ? QString::number(*trial.loss) : QStringLiteral("-"))
                   .arg(trial.seconds)
                   .arg(QString::fromStdString(trial.error))
                   .arg(QString::fromStdString(trial.params.toJson(space).dump()));
    return out.join(QLatin1Char('\n'));
}

QString describe(const TrialCounts &counts)
{
    return QStringLiteral("running %1 complete %2 failed %3 pruned %4 abandoned %5 max %6")
        .arg(counts.running)
        .arg(counts.complete)
        .arg(counts.failed)
        .arg(counts.pruned)
        .arg(counts.abandoned)
        .arg(counts.maxNumber);
}

} // namespace

class TestTrialView : public QObject {
    Q_OBJECT

private slots:
    void readsOnlyWhatChanged_data();
    void readsOnlyWhatChanged();

private:
    test::StudyLocations m_locations;
};

void TestTrialView::readsOnlyWhatChanged_data()
{
    QTest::addColumn<StoreBackend>("backend");
    QTest::addColumn<int>("seed");
    QTest::addColumn<int>("steps");
    for (const int seed : {1, 2, 3}) {
        QTest::addRow("sqlite, seed %d", seed) << StoreBackend::Sqlite << seed << 150;
        QTest::addRow("postgresql, seed %d", seed) << StoreBackend::PostgreSql << seed << 150;
    }
}

void TestTrialView::readsOnlyWhatChanged()
{
    QFETCH(StoreBackend, backend);
    QFETCH(int, seed);
    QFETCH(int, steps);
    if (backend == StoreBackend::PostgreSql && !m_locations.postgresReason().isEmpty())
        LOUPE_REQUIRE_RESOURCE(m_locations.postgresReason());
    auto created = m_locations.create(backend);
    QVERIFY2(created.isOk(), created.message().c_str());
    const QString location = created.value().location;
    const qint64 study = created.value().studyId;
    const SearchSpace space = test::StudyLocations::space();
    auto opened = Store::open(location);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &other = *opened.value(); // another process's connection
    TrialRepository repository(other);

    SqlTrialStore view(location, study, space, QStringLiteral("here"));
    std::mt19937 rng(static_cast<unsigned>(seed));
    std::set<int> ownRunning;      // numbers `view` reserved and has not finished
    std::set<int> changedSinceRead; // trials written since the view last caught up
    auto pick = [&](const std::vector<TrialRecord> &records, auto wanted) -> const TrialRecord * {
        std::vector<const TrialRecord *> candidates;
        for (const TrialRecord &record : records)
            if (wanted(record))
                candidates.push_back(&record);
        return candidates.empty() ? nullptr : candidates[rng() % candidates.size()];
    };
    auto x = [&] { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); };

    for (int step = 0; step < steps; ++step) {
        const std::vector<TrialRecord> records = repository.list(study).value();
        const auto running = [](const TrialRecord &r) { return r.state == TrialState::Running; };
        const int action = int(rng() % 8);
        if (action == 0) {
            TrialParams params(1);
            params.set(0, x());
            const auto number = view.reserve(params, -1, BudgetRule::AllTrials);
            QVERIFY2(number.isOk(), number.message().c_str());
            ownRunning.insert(*number.value());
            // Reserving catches the view up under the study's lock and adds the new trial.
            changedSinceRead.clear();
        } else if (action == 1) {
            const auto reserved = repository.reserve(study, QStringLiteral(R"({"x": %1})").arg(x()),
                                                     QStringLiteral("there"), -1);
            QVERIFY2(reserved.isOk(), reserved.message().c_str());
            changedSinceRead.insert(reserved.value()->number);
        } else if (action == 2 || action == 3) {
            const TrialRecord *trial = pick(records, running);
            if (!trial)
                continue;
            const TrialState state = action == 2 ? TrialState::Complete : TrialState::Fail;
            const std::optional<double> loss = action == 2 ? std::optional<double>(x()) : std::nullopt;
            const std::string error = action == 2 ? std::string() : std::string("loss is NaN");
            if (ownRunning.erase(trial->number)) {
                QVERIFY(view.finish(trial->number, state, loss, error, 0.5).isOk());
            } else {
                TrialOutcome outcome;
                outcome.state = state;
                outcome.loss = loss;
                outcome.error = QString::fromStdString(error);
                outcome.seconds = 0.5;
                QVERIFY(repository.finish(trial->id, outcome).isOk());
            }
            changedSinceRead.insert(trial->number);
        } else if (action == 4) {
            const TrialRecord *trial = pick(records, running);
            if (!trial)
                continue;
            if (ownRunning.erase(trial->number))
                QVERIFY(view.abandon(trial->number, QStringLiteral("interrupted")).isOk());
            else
                QVERIFY(repository.abandon(trial->id, QStringLiteral("interrupted")).isOk());
            changedSinceRead.insert(trial->number);
        } else if (action == 5) {
            // A worker lost: its heartbeat is a day old, and another worker reaps it.
            const TrialRecord *trial = pick(records, running);
            if (!trial)
                continue;
            QVERIFY(other.exec(QStringLiteral("UPDATE trials SET heartbeat_at = '2024-01-01T00:00:00.000Z' "
                                              "WHERE id = ?"),
                               {trial->id})
                        .isOk());
            QCOMPARE(repository.reapStale(study, 10s).value(), 1);
            changedSinceRead.insert(trial->number);
        } else if (action == 6) {
            // The lost worker was only slow: its late result is kept.
            const TrialRecord *trial =
                pick(records, [](const TrialRecord &r) { return r.state == TrialState::Fail && r.abandoned; });
            if (!trial)
                continue;
            TrialOutcome outcome;
            outcome.state = TrialState::Complete;
            outcome.loss = x();
            if (ownRunning.erase(trial->number))
                QVERIFY(view.finish(trial->number, TrialState::Complete, outcome.loss, std::string(), 0.5).isOk());
            else
                QVERIFY(repository.finish(trial->id, outcome).isOk());
            changedSinceRead.insert(trial->number);
        } else {
            // The view's read fetches exactly the trials written since its last read.
            const auto pending = repository.changesSince(study, view.lastChangeRead()).value();
            std::set<int> fetched;
            for (const TrialChangeRow &row : pending)
                fetched.insert(row.number);
            QCOMPARE(fetched, changedSinceRead);
            const auto seen = view.trials();
            QVERIFY2(seen.isOk(), seen.message().c_str());
            std::vector<Trial> reference;
            const std::vector<TrialRecord> stored = repository.list(study).value();
            for (const TrialRecord &record : stored)
                reference.push_back(toTrial(record, space).value());
            QCOMPARE(describe(seen.value(), space), describe(reference, space));
            QCOMPARE(describe(view.counts().value()), describe(repository.counts(study).value()));
            QCOMPARE(view.lastChangeRead(), repository.lastChange(study).value());
            QVERIFY(repository.changesSince(study, view.lastChangeRead()).value().empty());
            changedSinceRead.clear();
        }
    }
    // Whatever is still running ends; a store that starts now reads every trial once and agrees.
    for (const int number : ownRunning)
        QVERIFY(view.finish(number, TrialState::Complete, 0.25, std::string(), 0.5).isOk());
    SqlTrialStore late(location, study, space, QStringLiteral("late"));
    QCOMPARE(late.lastChangeRead(), qint64(0));
    QCOMPARE(describe(late.trials().value(), space), describe(view.trials().value(), space));
    QCOMPARE(describe(late.counts().value()), describe(view.counts().value()));
}

QTEST_GUILESS_MAIN(TestTrialView)
#include "tst_trialview.moc"
