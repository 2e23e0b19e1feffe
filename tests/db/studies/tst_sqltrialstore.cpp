// SqlTrialStore::trials(): the sampler's view of a study, read as lean rows with each trial's
// params parsed once and cached. It must still see every change any process makes: new trials,
// trials that finish, a reaped trial whose late result arrives, and report bad stored params.

#include "core/search/SearchSpaceParser.h"
#include "db/studies/SqlTrialStore.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace loupe;
using namespace std::chrono_literals;

namespace {

const char *kSpaceJson = R"({"x": {"uniform": [-5, 10]}, "layers": {"choice": [1, 2, 3]}})";

TrialOutcome complete(double loss)
{
    TrialOutcome outcome;
    outcome.state = TrialState::Complete;
    outcome.loss = loss;
    outcome.seconds = 0.5;
    return outcome;
}

// The reference: every stored row converted in full, as records() + toTrial() do.
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

} // namespace

class TestSqlTrialStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void seesEveryChange();
    void badStoredParamsNameTheTrial();

private:
    std::vector<Trial> reference();

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Store> m_store;
    SearchSpace m_space;
    qint64 m_studyId = 0;
};

void TestSqlTrialStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("ws.sqlite"));
    auto store = Store::open(m_path);
    QVERIFY2(store.isOk(), store.message().c_str());
    m_store = store.takeValue();
    auto space = SearchSpaceParser().parse(nlohmann::json::parse(kSpaceJson));
    QVERIFY2(space.isOk(), space.message().c_str());
    m_space = space.takeValue();
    StudyRecord study;
    study.name = QStringLiteral("s");
    study.spaceJson = QString::fromUtf8(kSpaceJson);
    study.sampler = QStringLiteral("tpe");
    study.seed = 3;
    study.maxEvals = 50;
    study.objectiveJson = QStringLiteral(R"({"objective": "branin"})");
    auto created = StudyRepository(*m_store).createOrOpen(study);
    QVERIFY2(created.isOk(), created.message().c_str());
    m_studyId = created.value().id;
}

void TestSqlTrialStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

std::vector<Trial> TestSqlTrialStore::reference()
{
    std::vector<Trial> trials;
    const auto records = TrialRepository(*m_store).list(m_studyId); // keep the Result alive while looping
    for (const TrialRecord &record : records.value())
        trials.push_back(toTrial(record, m_space).value());
    return trials;
}

void TestSqlTrialStore::seesEveryChange()
{
    SqlTrialStore store(m_path, m_studyId, m_space, QStringLiteral("here"));
    QVERIFY(store.trials().value().empty());

    const auto parsed = TrialParams::fromJson(m_space, nlohmann::json::parse(R"({"x": 1.5, "layers": 2})"));
    QVERIFY2(parsed.isOk(), parsed.message().c_str());
    const TrialParams params = parsed.value();
    for (int i = 0; i < 3; ++i)
        QVERIFY(store.reserve(params, -1, BudgetRule::AllTrials).value().has_value());
    QVERIFY(store.finish(0, TrialState::Complete, 0.75, std::string(), 0.5).isOk());
    QCOMPARE(describe(store.trials().value(), m_space), describe(reference(), m_space));

    // Another process: a new trial, a failure, and a reaped trial whose late result is kept.
    TrialRepository other(*m_store);
    const QString json = QStringLiteral(R"({"x": -4.25, "layers": 0})");
    const qint64 late = other.reserve(m_studyId, json, QStringLiteral("there"), -1).value()->id;
    const qint64 failing = other.reserve(m_studyId, json, QStringLiteral("there"), -1).value()->id;
    TrialOutcome failure;
    failure.state = TrialState::Fail;
    failure.error = QStringLiteral("loss is NaN");
    QVERIFY(other.finish(failing, failure).isOk());
    QCOMPARE(describe(store.trials().value(), m_space), describe(reference(), m_space));
    QTest::qWait(5);
    QVERIFY(other.reapStale(m_studyId, 0ms).value() >= 1);
    QCOMPARE(describe(store.trials().value(), m_space), describe(reference(), m_space));
    QVERIFY(other.finish(late, complete(0.125)).isOk());
    const std::vector<Trial> seen = store.trials().value();
    QCOMPARE(describe(seen, m_space), describe(reference(), m_space));
    QCOMPARE(seen.size(), std::size_t(5));
    QCOMPARE(seen[3].state, TrialState::Complete);
    QCOMPARE(seen[3].loss, std::optional<double>(0.125));
    QCOMPARE(seen[3].params.toJson(m_space)["x"].get<double>(), -4.25);
}

void TestSqlTrialStore::badStoredParamsNameTheTrial()
{
    SqlTrialStore store(m_path, m_studyId, m_space, QStringLiteral("here"));
    TrialRepository trials(*m_store);
    QVERIFY(trials.reserve(m_studyId, QStringLiteral(R"({"x": 1, "layers": 1})"), QStringLiteral("w"), -1).isOk());
    QVERIFY(store.trials().isOk());
    QVERIFY(trials.reserve(m_studyId, QStringLiteral("{not json"), QStringLiteral("w"), -1).isOk());
    auto broken = store.trials();
    QVERIFY(!broken.isOk());
    QVERIFY2(broken.message().find("trial 1") != std::string::npos, broken.message().c_str());
    QVERIFY(trials.reserve(m_studyId, QStringLiteral(R"({"x": 99, "layers": 1})"), QStringLiteral("w"), -1).isOk());
    QSqlQuery query = m_store->query();
    QVERIFY(query.exec(QStringLiteral("UPDATE trials SET params_json = '{\"x\": 1, \"layers\": 1}' WHERE number = 1")));
    broken = store.trials();
    QVERIFY(!broken.isOk());
    QVERIFY2(broken.message().find("trial 2 does not fit") != std::string::npos, broken.message().c_str());
}

QTEST_GUILESS_MAIN(TestSqlTrialStore)
#include "tst_sqltrialstore.moc"
