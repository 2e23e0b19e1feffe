// The TPE sampler's decisions on a fixed 100-trial history (every kind of parameter, ties in the
// loss, running and failed trials, a conditional one) against hyperopt and Optuna.
// tests/core/search/golden/make_tpe_golden.py wrote the history and, per parameter, hyperopt
// 0.3.0's split (tpe.ap_split_trials) and posterior (its ap_*_sampler graph via pyll.rec_eval) for
// the below and above groups; Optuna 3.1's _split_observation_pairs for the other modes (versions
// in the generated header).
//  - hyperoptMode: for several seeds, every decision's split equals hyperopt's, and Loupe's 24
//    candidates scored with a transcription of hyperopt's GMM1_lpdf / LGMM1_lpdf /
//    categorical_lpdf over hyperopt's models give Loupe's log l and log g, Loupe's ranking, and
//    Loupe's choice (hyperopt's broadcast_best: the first argmax of log l - log g).
//  - optunaModes: the default and optuna modes split like Optuna (gamma 0.2 and 0.1), the
//    conditional parameter on its own trials, and each choice is the best of its candidates.
#include "core/search/SearchSpace.h"
#include "core/search/TpeSampler.h"
#include "tests/core/search/TpeTestSupport.h"
#include "tests/core/search/golden/HyperoptSamplerGolden.h"

#include <QtTest>

#include <cmath>
#include <cstring>

using namespace loupe;
using namespace loupe::test;

namespace {

constexpr double s_hyperoptEps = 1e-12; // tpe.EPS
const double s_pi = 3.141592653589793238462643383279502884;

std::vector<Trial> goldenHistory(const SearchSpace &space)
{
    std::vector<Trial> history;
    for (const golden::GoldenTrial &g : golden::samplerHistory()) {
        Trial trial;
        trial.number = g.number;
        trial.params = TrialParams(space.size());
        for (std::size_t i = 0; i < g.names.size(); ++i)
            trial.params.set(space.indexOf(g.names[i]), g.values[i]);
        trial.state = g.state == 'C' ? TrialState::Complete : g.state == 'F' ? TrialState::Fail : TrialState::Running;
        if (g.state == 'C')
            trial.loss = g.loss;
        if (g.state == 'F')
            trial.error = "exception: golden";
        history.push_back(trial);
    }
    return history;
}

const golden::GoldenModel &modelNamed(const std::string &name)
{
    for (const golden::GoldenModel &model : golden::samplerModels()) {
        if (name == model.name)
            return model;
    }
    qFatal("no golden model for %s", name.c_str());
}

// ---- a transcription of hyperopt 0.3.0's tpe.py scoring (double precision throughout)

double hyperoptNormalCdf(double x, double mu, double sigma)
{
    return 0.5 * (1.0 + std::erf((x - mu) / std::max(std::sqrt(2.0) * sigma, s_hyperoptEps)));
}

double hyperoptLognormalCdf(double x, double mu, double sigma)
{
    return 0.5 + 0.5 * std::erf((std::log(std::max(x, s_hyperoptEps)) - mu) / std::max(std::sqrt(2.0) * sigma, s_hyperoptEps));
}

double logSumExp(const std::vector<double> &terms)
{
    const double top = *std::max_element(terms.begin(), terms.end());
    double sum = 0.0;
    for (double term : terms)
        sum += std::exp(term - top);
    return std::log(sum) + top;
}

bool isLogKind(const std::string &kind)
{
    return kind == "loguniform" || kind == "qloguniform" || kind == "lognormal" || kind == "qlognormal";
}

// GMM1_lpdf / LGMM1_lpdf of one sample under one group's mixture.
double hyperoptLpdf(const golden::GoldenModel &model, const golden::GoldenGroup &group, double x)
{
    const std::vector<double> &w = group.weights;
    const std::vector<double> &mu = group.mus;
    const std::vector<double> &sigma = group.sigmas;
    double accept = 1.0;
    if (model.hasLow || model.hasHigh) {
        accept = 0.0;
        for (std::size_t k = 0; k < w.size(); ++k)
            accept += w[k] * (hyperoptNormalCdf(model.high, mu[k], sigma[k]) - hyperoptNormalCdf(model.low, mu[k], sigma[k]));
    }
    const bool logKind = isLogKind(model.hyperoptKind);
    std::vector<double> terms;
    if (model.q <= 0.0) {
        for (std::size_t k = 0; k < w.size(); ++k) {
            if (logKind) { // lognormal_lpdf + log w, no p_accept
                const double s = std::max(sigma[k], s_hyperoptEps);
                const double z = (std::log(x) - mu[k]) / s;
                terms.push_back(-0.5 * z * z - std::log(s * x * std::sqrt(2.0 * s_pi)) + std::log(w[k]));
            } else {
                const double z = (x - mu[k]) / std::max(sigma[k], s_hyperoptEps);
                terms.push_back(-0.5 * z * z + std::log(w[k] / std::sqrt(2.0 * s_pi * sigma[k] * sigma[k]) / accept));
            }
        }
        return logSumExp(terms);
    }
    double probability = 0.0;
    for (std::size_t k = 0; k < w.size(); ++k) {
        double upper = x + model.q / 2.0;
        double lower = x - model.q / 2.0;
        if (logKind) {
            if (model.hasHigh)
                upper = std::min(upper, std::exp(model.high));
            if (model.hasLow)
                lower = std::max(lower, std::exp(model.low));
            lower = std::max(0.0, lower);
            probability += w[k] * hyperoptLognormalCdf(upper, mu[k], sigma[k]);
            probability -= w[k] * hyperoptLognormalCdf(lower, mu[k], sigma[k]);
        } else {
            if (model.hasHigh)
                upper = std::min(upper, model.high);
            if (model.hasLow)
                lower = std::max(lower, model.low);
            probability += w[k] * hyperoptNormalCdf(upper, mu[k], sigma[k]);
            probability -= w[k] * hyperoptNormalCdf(lower, mu[k], sigma[k]);
        }
    }
    return std::log(probability) - std::log(accept);
}

// The hyperopt score of one candidate (raw value) in one group: lpdf, or categorical_lpdf.
double hyperoptLogLikelihood(const golden::GoldenModel &model, const golden::GoldenGroup &group,
                             const Distribution &distribution, double raw)
{
    const std::string kind = model.hyperoptKind;
    if (kind == "randint" || kind == "categorical") {
        const double offset = distribution.kind() == DistributionKind::RandInt ? distribution.low() : 0.0;
        return std::log(group.weights[static_cast<std::size_t>(raw - offset)]);
    }
    return hyperoptLpdf(model, group, raw);
}

std::vector<int> activeIn(const std::vector<int> &numbers, const std::vector<Trial> &history, int parameter)
{
    std::vector<int> out;
    for (int number : numbers) {
        if (history[static_cast<std::size_t>(number)].params.isActive(parameter))
            out.push_back(number);
    }
    return out;
}

} // namespace

class TestTpeGolden : public QObject {
    Q_OBJECT

private slots:
    void cleanupTestCase() { printWorstLogDensity(); }
    void initTestCase();
    void hyperoptMode_data();
    void hyperoptMode();
    void optunaModes_data();
    void optunaModes();
    void startupPhase_data();
    void startupPhase();

private:
    SearchSpace m_space;
    std::vector<Trial> m_history;
};

void TestTpeGolden::initTestCase()
{
    auto space = SearchSpace::fromTemplateText(golden::kSamplerTemplate, "golden");
    QVERIFY2(space.isOk(), space.message().c_str());
    m_space = space.takeValue();
    m_history = goldenHistory(m_space);
    QCOMPARE(m_history.size(), std::size_t(100));
}

void TestTpeGolden::hyperoptMode_data()
{
    QTest::addColumn<std::uint64_t>("seed");
    for (std::uint64_t seed : {1, 2, 3, 4, 5, 6})
        QTest::addRow("seed %d", static_cast<int>(seed)) << seed;
}

void TestTpeGolden::hyperoptMode()
{
    QFETCH(std::uint64_t, seed);
    const TpeSampler sampler(TpeOptions::hyperopt(), seed);
    TpeTrace trace;
    const TrialParams params = sampler.sample(m_space, m_history, 100, &trace);
    QVERIFY(!trace.startup);
    const int kind = m_space.indexOf("kind");
    // One decision per active parameter (y only when kind chose its second option).
    QCOMPARE(static_cast<int>(trace.decisions.size()), m_space.size() - (params.index(kind) == 1 ? 0 : 1));
    for (const TpeDecision &decision : trace.decisions) {
        QCOMPARE(decision.parameters.size(), std::size_t(1));
        const int parameter = decision.parameters.front();
        const std::string name = m_space.parameter(parameter).name;
        const Distribution &distribution = m_space.parameter(parameter).distribution;
        const golden::GoldenModel &model = modelNamed(name);
        const QString where = QString::fromStdString(name);
        QCOMPARE(activeIn(decision.below, m_history, parameter), model.below.trials);
        QCOMPARE(activeIn(decision.above, m_history, parameter), model.above.trials);
        QCOMPARE(decision.candidates.size(), std::size_t(24));

        // Loupe's continuous log kinds score densities on log x, hyperopt's on x: log x apart.
        const bool densityOnX = isLogKind(model.hyperoptKind) && model.q <= 0.0;
        std::vector<double> expectedBelow;
        std::vector<double> expectedAbove;
        std::vector<double> actualBelow;
        std::vector<double> actualAbove;
        std::vector<double> hyperoptScore;
        for (std::size_t c = 0; c < decision.candidates.size(); ++c) {
            const double raw = decision.candidates[c].front();
            QVERIFY2(distribution.contains(raw), qPrintable(where + QString(" candidate %1").arg(raw)));
            const double jacobian = densityOnX ? std::log(raw) : 0.0;
            expectedBelow.push_back(hyperoptLogLikelihood(model, model.below, distribution, raw));
            expectedAbove.push_back(hyperoptLogLikelihood(model, model.above, distribution, raw));
            actualBelow.push_back(decision.logBelow[c] - jacobian);
            actualAbove.push_back(decision.logAbove[c] - jacobian);
            hyperoptScore.push_back(expectedBelow.back() - expectedAbove.back());
        }
        QVERIFY2(logDensityDifference(actualBelow, expectedBelow).isEmpty(),
                 qPrintable(where + " log l " + logDensityDifference(actualBelow, expectedBelow)));
        QVERIFY2(logDensityDifference(actualAbove, expectedAbove).isEmpty(),
                 qPrintable(where + " log g " + logDensityDifference(actualAbove, expectedAbove)));
        // The ranking: whatever hyperopt's scores order by more than the log-densities' tolerance,
        // Loupe's order the same way.
        for (std::size_t i = 0; i < hyperoptScore.size(); ++i) {
            for (std::size_t j = 0; j < hyperoptScore.size(); ++j) {
                const double tolerance = kGoldenRelative * (std::abs(expectedBelow[i]) + std::abs(expectedAbove[i])
                                                            + std::abs(expectedBelow[j]) + std::abs(expectedAbove[j]));
                if (hyperoptScore[i] > hyperoptScore[j] + tolerance) {
                    QVERIFY2(decision.logBelow[i] - decision.logAbove[i] > decision.logBelow[j] - decision.logAbove[j],
                             qPrintable(where + QString(": candidates %1 and %2 ranked apart from hyperopt").arg(i).arg(j)));
                }
            }
        }
        // broadcast_best: numpy.argmax, the first of the best.
        const auto best = std::max_element(hyperoptScore.begin(), hyperoptScore.end()) - hyperoptScore.begin();
        QCOMPARE(decision.chosen, static_cast<int>(best));
        QCOMPARE(params.raw(parameter), decision.candidates[static_cast<std::size_t>(best)].front());
    }
}

void TestTpeGolden::optunaModes_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("defaults (gamma 0.2)") << "defaults";
    QTest::newRow("optuna (gamma 0.1)") << "optuna";
}

void TestTpeGolden::optunaModes()
{
    QFETCH(QString, mode);
    const golden::GoldenOptunaSplits splits = golden::samplerOptunaSplits();
    const bool defaults = mode == "defaults";
    const TpeOptions options = defaults ? TpeOptions::defaults() : TpeOptions::optunaLike();
    const int y = m_space.indexOf("y");
    for (std::uint64_t seed : {1, 2, 3}) {
        TpeTrace trace;
        const TrialParams params = TpeSampler(options, seed).sample(m_space, m_history, 100, &trace);
        QVERIFY(!trace.startup);
        QVERIFY(!trace.decisions.empty());
        // First the joint kernel over every always-active parameter, then y on its own trials.
        const TpeDecision &joint = trace.decisions.front();
        QCOMPARE(static_cast<int>(joint.parameters.size()), m_space.size() - 1);
        QCOMPARE(joint.below, defaults ? splits.defaultsBelow : splits.optunaBelow);
        for (const TpeDecision &decision : trace.decisions) {
            if (decision.parameters == std::vector<int>{y})
                QCOMPARE(decision.below, defaults ? splits.yDefaultsBelow : splits.yOptunaBelow);
            QCOMPARE(decision.candidates.size(), std::size_t(24));
            std::vector<double> score;
            for (std::size_t c = 0; c < decision.candidates.size(); ++c)
                score.push_back(decision.logBelow[c] - decision.logAbove[c]);
            const auto best = std::max_element(score.begin(), score.end()) - score.begin();
            QCOMPARE(decision.chosen, static_cast<int>(best));
            for (std::size_t d = 0; d < decision.parameters.size(); ++d)
                QCOMPARE(params.raw(decision.parameters[d]), decision.candidates[static_cast<std::size_t>(best)][d]);
        }
    }
}

void TestTpeGolden::startupPhase_data()
{
    // hyperopt: tpe.suggest draws from the prior while len(trials) < 20, running trials counted
    // (trial 17 of the history is running). Optuna: while fewer than 10 trials have finished.
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("trials");
    QTest::addColumn<bool>("startup");
    QTest::newRow("hyperopt, 19 trials") << "hyperopt" << 19 << true;
    QTest::newRow("hyperopt, 20 trials, one running") << "hyperopt" << 20 << false;
    QTest::newRow("optuna, 10 trials") << "optuna" << 10 << false;
    QTest::newRow("optuna, 9 trials") << "optuna" << 9 << true;
    QTest::newRow("defaults, 9 trials") << "defaults" << 9 << true;
    QTest::newRow("defaults, 10 trials") << "defaults" << 10 << false;
}

void TestTpeGolden::startupPhase()
{
    QFETCH(QString, mode);
    QFETCH(int, trials);
    QFETCH(bool, startup);
    const TpeOptions options = mode == "hyperopt" ? TpeOptions::hyperopt()
                               : mode == "optuna" ? TpeOptions::optunaLike()
                                                  : TpeOptions::defaults();
    const std::span<const Trial> history(m_history.data(), static_cast<std::size_t>(trials));
    TpeTrace trace;
    (void)TpeSampler(options, 3).sample(m_space, history, trials, &trace);
    QCOMPARE(trace.startup, startup);
    QCOMPARE(trace.decisions.empty(), startup);
}

QTEST_APPLESS_MAIN(TestTpeGolden)
#include "tst_tpegolden.moc"
