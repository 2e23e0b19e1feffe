// Study: failing objectives (exception, NaN, infinity, error Status) make FAIL trials with their
// reason while the search goes on; budget rules; several worker threads share one store without
// duplicate numbers; the benchmark functions' optima.
#include "core/search/InMemoryTrialStore.h"
#include "core/search/RandomSampler.h"
#include "core/search/Study.h"
#include "core/search/TestFunction.h"
#include "core/search/TpeSampler.h"

#include <QtTest>

#include <cmath>
#include <numbers>
#include <set>
#include <stdexcept>

using namespace loupe;

namespace {

// Fails in the way chosen by trial parameter x's bucket, otherwise returns x^2.
class FlakyObjective : public Objective {
public:
    explicit FlakyObjective(QString mode) : m_mode(std::move(mode)) {}
    Result<double> evaluate(const TrialParams &params, const CancellationToken &) override
    {
        const double x = params.raw(0);
        if (x < 0.0) {
            if (m_mode == "exception")
                throw std::runtime_error("out of memory while building layer 2");
            if (m_mode == "nan")
                return std::nan("");
            if (m_mode == "infinity")
                return std::numeric_limits<double>::infinity();
            return Status::error(StatusCode::Failed, "training diverged at epoch 3");
        }
        return x * x;
    }

private:
    QString m_mode;
};

SearchSpace lineSpace()
{
    SearchSpace space;
    space.addParameter("x", Distribution::uniform(-1, 1));
    return space;
}

} // namespace

class TestSearchStudy : public QObject {
    Q_OBJECT

private slots:
    void failuresAreRecordedAndSearchGoesOn_data();
    void failuresAreRecordedAndSearchGoesOn();
    void successfulBudgetRedoesFailures();
    void parallelWorkersShareTheStore();
    void finishedTrialCannotBeFinishedTwice();
    void testFunctionOptima_data();
    void testFunctionOptima();
    void unknownTestFunction();
};

void TestSearchStudy::failuresAreRecordedAndSearchGoesOn_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QString>("reason");
    QTest::newRow("exception") << "exception" << "exception: out of memory while building layer 2";
    QTest::newRow("nan") << "nan" << "loss is NaN";
    QTest::newRow("infinity") << "infinity" << "loss is infinite";
    QTest::newRow("status") << "status" << "training diverged at epoch 3";
}

void TestSearchStudy::failuresAreRecordedAndSearchGoesOn()
{
    QFETCH(QString, mode);
    QFETCH(QString, reason);
    const SearchSpace space = lineSpace();
    const TpeSampler sampler(TpeOptions::hyperopt(), 4);
    InMemoryTrialStore store;
    StudyOptions options;
    options.maxTrials = 40;
    Study study(space, sampler, store, options);
    FlakyObjective objective(mode);
    CancellationToken token;
    int callbacks = 0;
    const StudySummary summary = study.optimize(objective, token, [&](const Trial &) { ++callbacks; });
    QVERIFY2(summary.status.isOk(), summary.status.message().c_str());
    QCOMPARE(summary.trialsRun, 40);
    QCOMPARE(callbacks, 40);
    const std::vector<Trial> trials = store.trials().takeValue();
    QCOMPARE(trials.size(), std::size_t(40));
    int failed = 0;
    for (const Trial &trial : trials) {
        const bool shouldFail = trial.params.raw(0) < 0.0;
        QCOMPARE(trial.state, shouldFail ? TrialState::Fail : TrialState::Complete);
        if (shouldFail) {
            ++failed;
            QCOMPARE(QString::fromStdString(trial.error), reason);
            QVERIFY(!trial.loss);
        }
    }
    QVERIFY(failed > 0);
    QVERIFY(summary.best);
    QVERIFY(*summary.best->loss >= 0.0);
}

void TestSearchStudy::successfulBudgetRedoesFailures()
{
    const SearchSpace space = lineSpace();
    const RandomSampler sampler(2);
    InMemoryTrialStore store;
    StudyOptions options;
    options.maxTrials = 20;
    options.budgetRule = BudgetRule::SuccessfulTrials;
    Study study(space, sampler, store, options);
    FlakyObjective objective("status");
    CancellationToken token;
    const StudySummary summary = study.optimize(objective, token);
    QVERIFY(summary.status.isOk());
    const std::vector<Trial> trials = store.trials().takeValue();
    const auto complete = std::count_if(trials.begin(), trials.end(),
                                        [](const Trial &t) { return t.state == TrialState::Complete; });
    QCOMPARE(complete, 20);
    QVERIFY(trials.size() > 20);
}

void TestSearchStudy::parallelWorkersShareTheStore()
{
    std::unique_ptr<TestFunction> branin = TestFunction::create("branin").takeValue();
    const TpeSampler sampler(TpeOptions::defaults(), 9);
    InMemoryTrialStore store;
    StudyOptions options;
    options.maxTrials = 60;
    options.jobs = 4;
    Study study(branin->space(), sampler, store, options);
    CancellationToken token;
    const StudySummary summary = study.optimize(*branin, token);
    QVERIFY(summary.status.isOk());
    QCOMPARE(summary.trialsRun, 60);
    const std::vector<Trial> trials = store.trials().takeValue();
    QCOMPARE(trials.size(), std::size_t(60));
    std::set<int> numbers;
    for (const Trial &trial : trials) {
        QCOMPARE(trial.state, TrialState::Complete);
        numbers.insert(trial.number);
    }
    QCOMPARE(numbers.size(), std::size_t(60));
    QCOMPARE(*numbers.rbegin(), 59);
    QCOMPARE(summary.best->number, Study::bestOf(trials)->number);
}

void TestSearchStudy::finishedTrialCannotBeFinishedTwice()
{
    InMemoryTrialStore store;
    const Result<std::optional<int>> number = store.reserve(TrialParams(1), -1, BudgetRule::AllTrials);
    QVERIFY(number.isOk() && number.value());
    QVERIFY(store.finish(*number.value(), TrialState::Complete, 1.0, "", 0.1).isOk());
    const Status again = store.finish(*number.value(), TrialState::Fail, std::nullopt, "late", 0.1);
    QVERIFY(!again.isOk());
    QVERIFY2(QString::fromStdString(again.message()).contains("already COMPLETE"), again.message().c_str());
    QVERIFY(!store.finish(7, TrialState::Complete, 1.0, "", 0.1).isOk());
}

void TestSearchStudy::testFunctionOptima_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("minimiser"); // JSON {name: raw}
    const double pi = std::numbers::pi;
    QTest::newRow("branin-1") << "branin" << QString(R"({"x1": %1, "x2": 12.275})").arg(-pi, 0, 'g', 17);
    QTest::newRow("branin-2") << "branin" << QString(R"({"x1": %1, "x2": 2.275})").arg(pi, 0, 'g', 17);
    QTest::newRow("branin-3") << "branin" << R"({"x1": 9.42478, "x2": 2.475})";
    QTest::newRow("hartmann6") << "hartmann6"
                               << R"({"x1": 0.20169, "x2": 0.150011, "x3": 0.476874, "x4": 0.275332,
                                      "x5": 0.311652, "x6": 0.6573})";
    QTest::newRow("rosenbrock") << "rosenbrock" << R"({"x": 1, "y": 1})";
    QTest::newRow("conditional") << "conditional" << R"({"kind": 1, "y": 7, "z": 0, "lr": 0.001})";
}

void TestSearchStudy::testFunctionOptima()
{
    QFETCH(QString, name);
    QFETCH(QString, minimiser);
    std::unique_ptr<TestFunction> function = TestFunction::create(name.toStdString()).takeValue();
    const Result<TrialParams> params =
        TrialParams::fromJson(function->space(), nlohmann::json::parse(minimiser.toStdString()));
    QVERIFY2(params.isOk(), params.message().c_str());
    const double value = function->value(params.value());
    QVERIFY2(std::abs(value - function->optimum()) < 1e-5,
             qPrintable(QString("%1 vs optimum %2").arg(value, 0, 'g', 10).arg(function->optimum(), 0, 'g', 10)));
    // No random point beats the optimum.
    const RandomSampler sampler(1);
    for (int i = 0; i < 2000; ++i)
        QVERIFY(function->value(sampler.sample(function->space(), {}, i)) >= function->optimum() - 1e-9);
}

void TestSearchStudy::unknownTestFunction()
{
    const auto function = TestFunction::create("sphere");
    QVERIFY(!function.isOk());
    QVERIFY(QString::fromStdString(function.message()).contains("branin, hartmann6, rosenbrock or conditional"));
}

QTEST_APPLESS_MAIN(TestSearchStudy)
#include "tst_searchstudy.moc"
