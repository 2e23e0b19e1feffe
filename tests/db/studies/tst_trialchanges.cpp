// The study change counter (schema version 4, issue 24): every write a sampler or a budget can see
// -- a trial reserved, finished, failed, abandoned, reaped, or its late result after a reap -- takes
// the study's next change number and stamps the row with it; writes that change nothing a sampler
// sees (heartbeats), writes refused (a second finish) and writes that found nothing to do (abandon
// an ended trial, reap with live workers) spend none, and another study's writes leave it alone.
// changesSince(n) then returns exactly the rows changed after n. On SQLite and on PostgreSQL (a
// throw-away cluster; skipped when none can be started, failed under CI).

#include "db/store/Store.h"
#include "db/studies/TrialRepository.h"
#include "tests/support/StudyLocations.h"

#include <QSqlQuery>
#include <QTest>

using namespace loupe;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(loupe::StoreBackend)

namespace {

enum class Operation {
    Reserve,
    Finish,
    Fail,
    Abandon,
    Reap,
    LateResult,
    Heartbeat,
    FinishEnded,
    AbandonEnded,
    ReapNone,
    OtherStudy,
};

TrialOutcome outcome(TrialState state)
{
    TrialOutcome result;
    result.state = state;
    if (state == TrialState::Complete)
        result.loss = 0.5;
    else
        result.error = QStringLiteral("loss is NaN");
    result.seconds = 0.25;
    return result;
}

qint64 changeOf(Store &store, qint64 trialId)
{
    QSqlQuery query = store.query();
    query.prepare(QStringLiteral("SELECT change_seq FROM trials WHERE id = ?"));
    query.addBindValue(trialId);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

} // namespace

Q_DECLARE_METATYPE(Operation)

class TestTrialChanges : public QObject {
    Q_OBJECT

private slots:
    void eachWriteTakesOneNumber_data();
    void eachWriteTakesOneNumber();

private:
    test::StudyLocations m_locations;
};

void TestTrialChanges::eachWriteTakesOneNumber_data()
{
    QTest::addColumn<StoreBackend>("backend");
    QTest::addColumn<Operation>("operation");
    QTest::addColumn<int>("numbers"); // change numbers the operation takes (0 or 1)
    const std::pair<const char *, StoreBackend> backends[] = {{"sqlite", StoreBackend::Sqlite},
                                                              {"postgresql", StoreBackend::PostgreSql}};
    const std::tuple<const char *, Operation, int> operations[] = {
        {"reserve", Operation::Reserve, 1},
        {"finish", Operation::Finish, 1},
        {"fail", Operation::Fail, 1},
        {"abandon", Operation::Abandon, 1},
        {"reap", Operation::Reap, 1},
        {"late result after reap", Operation::LateResult, 1},
        {"heartbeat", Operation::Heartbeat, 0},
        {"finish an ended trial", Operation::FinishEnded, 0},
        {"abandon an ended trial", Operation::AbandonEnded, 0},
        {"reap with live workers", Operation::ReapNone, 0},
        {"another study", Operation::OtherStudy, 0},
    };
    for (const auto &[backendName, backend] : backends)
        for (const auto &[name, operation, numbers] : operations)
            QTest::addRow("%s: %s", backendName, name) << backend << operation << numbers;
}

void TestTrialChanges::eachWriteTakesOneNumber()
{
    QFETCH(StoreBackend, backend);
    QFETCH(Operation, operation);
    QFETCH(int, numbers);
    if (backend == StoreBackend::PostgreSql && !m_locations.postgresReason().isEmpty())
        LOUPE_REQUIRE_RESOURCE(m_locations.postgresReason());
    auto created = m_locations.create(backend);
    QVERIFY2(created.isOk(), created.message().c_str());
    auto opened = Store::open(created.value().location);
    QVERIFY2(opened.isOk(), opened.message().c_str());
    Store &store = *opened.value();
    TrialRepository trials(store);
    const qint64 study = created.value().studyId;
    const QString params = QStringLiteral(R"({"x": 0.5})");

    // Every case starts from a study with one finished trial and one RUNNING trial `id`.
    const qint64 first = trials.reserve(study, params, QStringLiteral("w"), -1).value()->id;
    QVERIFY(trials.finish(first, outcome(TrialState::Complete)).isOk());
    const qint64 id = trials.reserve(study, params, QStringLiteral("w"), -1).value()->id;
    QCOMPARE(trials.lastChange(study).value(), qint64(3));
    QCOMPARE(changeOf(store, id), qint64(3));
    if (operation == Operation::LateResult) {
        QTest::qWait(5);
        QCOMPARE(trials.reapStale(study, 0ms).value(), 1);
    }
    if (operation == Operation::FinishEnded || operation == Operation::AbandonEnded)
        QVERIFY(trials.finish(id, outcome(TrialState::Complete)).isOk());
    const qint64 before = trials.lastChange(study).value();

    qint64 changed = id; // the row the operation changes
    switch (operation) {
    case Operation::Reserve:
        changed = trials.reserve(study, params, QStringLiteral("w"), -1).value()->id;
        break;
    case Operation::Finish:
    case Operation::LateResult:
        QVERIFY(trials.finish(id, outcome(TrialState::Complete)).isOk());
        break;
    case Operation::Fail:
        QVERIFY(trials.finish(id, outcome(TrialState::Fail)).isOk());
        break;
    case Operation::Abandon:
    case Operation::AbandonEnded:
        QVERIFY(trials.abandon(id, QStringLiteral("interrupted")).isOk());
        break;
    case Operation::Reap:
        QTest::qWait(5);
        QCOMPARE(trials.reapStale(study, 0ms).value(), 1);
        break;
    case Operation::Heartbeat:
        QVERIFY(trials.heartbeat({id}).isOk());
        break;
    case Operation::FinishEnded:
        QVERIFY(!trials.finish(id, outcome(TrialState::Fail)).isOk());
        break;
    case Operation::ReapNone:
        QCOMPARE(trials.reapStale(study, 60s).value(), 0);
        break;
    case Operation::OtherStudy: {
        const qint64 other = created.value().studyId - 1; // "other" was created first
        const qint64 elsewhere = trials.reserve(other, params, QStringLiteral("w"), -1).value()->id;
        QVERIFY(trials.finish(elsewhere, outcome(TrialState::Complete)).isOk());
        QCOMPARE(trials.lastChange(other).value(), qint64(2));
        break;
    }
    }

    const qint64 after = trials.lastChange(study).value();
    QCOMPARE(after - before, qint64(numbers));
    const std::vector<TrialChangeRow> rows = trials.changesSince(study, before).value();
    QCOMPARE(int(rows.size()), numbers);
    if (numbers == 1) {
        QCOMPARE(changeOf(store, changed), after);
        QCOMPARE(rows.front().id, changed);
        QCOMPARE(rows.front().changeSeq, after);
        const TrialRecord record = *trials.find(changed).value();
        QCOMPARE(rows.front().state, record.state);
        QCOMPARE(rows.front().abandoned, record.abandoned);
        QCOMPARE(rows.front().paramsJson, record.paramsJson);
    }
    // From 0, every trial of the study once, in change order.
    const std::vector<TrialChangeRow> all = trials.changesSince(study, 0).value();
    QCOMPARE(all.size(), trials.list(study).value().size());
    for (std::size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].changeSeq < all[i].changeSeq);
}

QTEST_GUILESS_MAIN(TestTrialChanges)
#include "tst_trialchanges.moc"
