// Parameter importance on synthetic studies whose answer is known: the parameter that decides the
// loss must come first, noise parameters near zero; plus the divergence primitives and refusals.
#include "core/search/ParameterImportance.h"
#include "core/util/RandomGenerator.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

// x, y ~ uniform(0, 1), lr ~ loguniform(ln 1e-5, ln 1), act ~ choice(3); 300 random trials.
std::vector<Trial> makeTrials(const SearchSpace &space, const QString &driver, std::uint64_t seed)
{
    RandomGenerator rng(seed);
    std::vector<Trial> trials;
    for (int n = 0; n < 300; ++n) {
        TrialParams params(space.size());
        for (int p = 0; p < space.size(); ++p)
            params.set(p, space.parameter(p).distribution.sample(rng));
        const double x = params.raw(0), y = params.raw(1), lr = params.raw(2);
        const int act = params.index(3);
        double loss = 0.01 * rng.uniformDouble();
        if (driver == "x")
            loss += 10.0 * (x - 0.3) * (x - 0.3);
        else if (driver == "lr")
            loss += std::pow(std::log10(lr) + 3.0, 2.0);
        else if (driver == "act")
            loss += act == 1 ? 0.0 : 1.0;
        (void)y;
        Trial trial;
        trial.number = n;
        trial.state = TrialState::Complete;
        trial.params = params;
        trial.loss = loss;
        trials.push_back(trial);
    }
    return trials;
}

SearchSpace makeSpace()
{
    SearchSpace space;
    space.addParameter("x", Distribution::uniform(0.0, 1.0));
    space.addParameter("y", Distribution::uniform(0.0, 1.0));
    space.addParameter("lr", Distribution::loguniform(std::log(1e-5), 0.0));
    space.addParameter("act", Distribution::choice(3));
    return space;
}

} // namespace

class TestParameterImportance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void drivingParameterComesFirst_data()
    {
        QTest::addColumn<QString>("driver");
        QTest::addColumn<quint64>("seed");
        QTest::newRow("x, seed 1") << "x" << quint64(1);
        QTest::newRow("x, seed 2") << "x" << quint64(2);
        QTest::newRow("log-scaled lr") << "lr" << quint64(3);
        QTest::newRow("categorical act") << "act" << quint64(4);
    }
    void drivingParameterComesFirst()
    {
        QFETCH(QString, driver);
        QFETCH(quint64, seed);
        const SearchSpace space = makeSpace();
        const auto result = ParameterImportance::evaluate(space, makeTrials(space, driver, seed));
        QVERIFY2(result.isOk(), result.status().message().c_str());
        const auto &entries = result.value();
        QCOMPARE(int(entries.size()), 4);
        QCOMPARE(QString::fromStdString(entries.front().name), driver);
        double sum = 0.0;
        for (const auto &entry : entries) {
            QVERIFY(entry.importance >= 0.0);
            QCOMPARE(entry.trialsUsed, 300);
            sum += entry.importance;
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-9);
        QVERIFY2(entries.front().importance > 0.5, qPrintable(QString::number(entries.front().importance)));
        // y never matters: it must not look important.
        for (const auto &entry : entries)
            if (entry.name == "y")
                QVERIFY2(entry.importance < 0.2, qPrintable(QString::number(entry.importance)));
    }

    void sameDeterministicAnswer()
    {
        const SearchSpace space = makeSpace();
        const auto trials = makeTrials(space, "x", 9);
        const auto a = ParameterImportance::evaluate(space, trials);
        const auto b = ParameterImportance::evaluate(space, trials);
        QVERIFY(a.isOk() && b.isOk());
        for (std::size_t i = 0; i < a.value().size(); ++i)
            QCOMPARE(a.value()[i].importance, b.value()[i].importance);
    }

    void refusesTooFewCompletedTrials()
    {
        const SearchSpace space = makeSpace();
        auto trials = makeTrials(space, "x", 5);
        trials.resize(10);
        for (int i = 0; i < 4; ++i) {
            trials[std::size_t(i)].state = TrialState::Fail;
            trials[std::size_t(i)].loss.reset();
        }
        const auto result = ParameterImportance::evaluate(space, trials);
        QVERIFY(!result.isOk());
        QVERIFY(QString::fromStdString(result.status().message()).contains("have 6"));
    }

    void divergencePrimitives()
    {
        // Identical samples: no divergence; concentrated top: positive.
        const std::vector<double> all{0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
        QVERIFY(ParameterImportance::numericDivergence(all, all) < 1e-12);
        QVERIFY(ParameterImportance::numericDivergence({0.1, 0.12}, all) > 0.5);
        const std::vector<int> options{0, 1, 2, 0, 1, 2};
        QVERIFY(ParameterImportance::categoricalDivergence(options, options, 3) < 1e-12);
        QVERIFY(ParameterImportance::categoricalDivergence({1, 1, 1}, options, 3) > 0.1);
    }
};

QTEST_APPLESS_MAIN(TestParameterImportance)
#include "tst_parameterimportance.moc"
