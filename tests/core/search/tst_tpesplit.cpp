// TpeSplit against hyperopt's and Optuna's own splits. The expected "below" groups are made by
// tests/core/search/golden/make_tpe_golden.py: hyperopt 0.3.0's tpe.ap_split_trials (gamma 0.25,
// and 2.5 to reach the cap of 25) and Optuna 3.1's _split_observation_pairs with TPESampler's
// constant liar, with default_gamma (the optuna mode) and with 0.2 (Loupe's default), on loss
// lists with ties, running, pruned and failed trials (versions in the generated header).
#include "core/search/TpeOptions.h"
#include "core/search/TpeSplit.h"
#include "tests/core/search/golden/TpeSplitGolden.h"

#include <QtTest>

#include <cstring>

using namespace loupe;

namespace {

std::vector<Trial> historyOf(const golden::SplitCase &c)
{
    std::vector<Trial> history;
    for (std::size_t i = 0; i < c.losses.size(); ++i) {
        Trial trial;
        trial.number = static_cast<int>(i);
        trial.params = TrialParams(1);
        trial.params.set(0, 0.5);
        switch (c.states[i]) {
        case 'C':
            trial.state = TrialState::Complete;
            trial.loss = c.losses[i];
            break;
        case 'P':
            trial.state = TrialState::Pruned;
            trial.loss = c.losses[i];
            break;
        case 'F':
            trial.state = TrialState::Fail;
            trial.error = "exception: boom";
            break;
        default:
            trial.state = TrialState::Running;
            break;
        }
        history.push_back(trial);
    }
    return history;
}

std::vector<int> numbers(const std::vector<const Trial *> &trials)
{
    std::vector<int> out;
    for (const Trial *trial : trials)
        out.push_back(trial->number);
    return out;
}

} // namespace

class TestTpeSplit : public QObject {
    Q_OBJECT

private slots:
    void matchesHyperoptAndOptuna_data();
    void matchesHyperoptAndOptuna();
    void presets();
};

void TestTpeSplit::matchesHyperoptAndOptuna_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("rule");
    for (std::size_t i = 0; i < golden::splitCases().size(); ++i) {
        for (const char *rule : {"hyperopt", "hyperopt gamma 2.5", "optuna", "defaults"})
            QTest::addRow("%s, %s", golden::splitCases()[i].name, rule) << static_cast<int>(i) << QString(rule);
    }
}

void TestTpeSplit::matchesHyperoptAndOptuna()
{
    QFETCH(int, index);
    QFETCH(QString, rule);
    const golden::SplitCase &c = golden::splitCases()[static_cast<std::size_t>(index)];
    QCOMPARE(std::strlen(c.states), c.losses.size());
    TpeOptions options = TpeOptions::hyperopt();
    std::vector<int> expected = c.hyperoptBelow;
    if (rule == "hyperopt gamma 2.5") {
        options.gamma = 2.5;
        expected = c.hyperoptWideBelow;
    } else if (rule == "optuna") {
        options = TpeOptions::optunaLike();
        expected = c.optunaBelow;
    } else if (rule == "defaults") {
        options = TpeOptions::defaults();
        expected = c.defaultsBelow;
    }
    const std::vector<Trial> history = historyOf(c);
    const TpeSplit split = TpeSplit::of(TpeSplit::observe(history, options), options);
    QCOMPARE(numbers(split.below()), expected);
    // Above: every other trial but the failed ones, in trial order (running ones included).
    std::vector<int> above;
    for (const Trial &trial : history) {
        if (trial.state != TrialState::Fail && std::find(expected.begin(), expected.end(), trial.number) == expected.end())
            above.push_back(trial.number);
    }
    QCOMPARE(numbers(split.above()), above);
}

void TestTpeSplit::presets()
{
    // The constants behind docs/search.md: hyperopt's tpe.suggest defaults (gamma 0.25 on sqrt(n),
    // 20 start-up trials, 24 candidates), Optuna's TPESampler (0.1 on n, 10 start-up trials) and
    // Loupe's default, Optuna's rules with 0.2.
    QCOMPARE(TpeSplit::belowCount(TpeOptions::hyperopt(), 99), 3);   // ceil(0.25 * 9.95)
    QCOMPARE(TpeSplit::belowCount(TpeOptions::hyperopt(), 100), 3);  // ceil(0.25 * 10) = 2.5 -> 3
    QCOMPARE(TpeSplit::belowCount(TpeOptions::optunaLike(), 30), 3);
    QCOMPARE(TpeSplit::belowCount(TpeOptions::defaults(), 30), 6);
    QCOMPARE(TpeSplit::belowCount(TpeOptions::defaults(), 1000), 25);
    const TpeOptions hyperopt = TpeOptions::hyperopt();
    QCOMPARE(hyperopt.startupTrials, 20);
    QCOMPARE(hyperopt.eiCandidates, 24);
    QCOMPARE(hyperopt.priorWeight, 1.0);
    QCOMPARE(hyperopt.forgettingWindow, 25);
    QCOMPARE(hyperopt.startupCount, StartupCount::AllTrials);
    QCOMPARE(hyperopt.joint, TpeJoint::Univariate);
    const TpeOptions optuna = TpeOptions::optunaLike();
    QCOMPARE(optuna.startupTrials, 10);
    QCOMPARE(optuna.startupCount, StartupCount::FinishedTrials);
    QCOMPARE(optuna.eiCandidates, 24);
}

QTEST_APPLESS_MAIN(TestTpeSplit)
#include "tst_tpesplit.moc"
