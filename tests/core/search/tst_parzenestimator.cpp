// ParzenEstimator against hyperopt's and Optuna's own estimators. The expected values are made by
// tests/core/search/golden/make_tpe_golden.py, which runs hyperopt 0.3.0's tpe.py (the
// ap_*_sampler graphs, adaptive_parzen_normal, GMM1_lpdf / LGMM1_lpdf) and Optuna 3.1's
// _ParzenEstimator on the observation sets below; the generated headers name the versions.
//  - hyperoptRules: Bandwidths::Hyperopt + Normalisation::Global on hyperopt's cells, the rules of
//    the hyperopt mode (docs/search.md): components, accepted mass and log-densities.
//  - optunaRules: Bandwidths::Optuna + Normalisation::PerComponent on Optuna's widened cells,
//    the default mode's univariate estimator; where Loupe's bandwidths are known to differ from
//    Optuna's (sigmasAgree false) the comparison is an expected failure.
//  - optunaLikeOwnRule: Loupe's own bandwidths in those cases, computed by hand.
#include "core/search/NumericDomain.h"
#include "core/search/ParzenEstimator.h"
#include "core/util/RandomGenerator.h"
#include "tests/core/search/TpeTestSupport.h"
#include "tests/core/search/golden/HyperoptParzenGolden.h"
#include "tests/core/search/golden/OptunaParzenGolden.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <tuple>

Q_DECLARE_METATYPE(loupe::Distribution)

using namespace loupe;
using namespace loupe::test;

namespace {

std::vector<double> internalValues(const NumericDomain &domain, const std::vector<double> &values)
{
    std::vector<double> u;
    for (double value : values)
        u.push_back(domain.toInternal(value));
    return u;
}

std::vector<double> toVector(const Eigen::ArrayXd &array)
{
    return {array.begin(), array.end()};
}

// hyperopt keeps its components sorted by mu with the prior inserted; Loupe keeps trial order with
// the prior last. The same mixture either way: compare the (mu, sigma, weight) triples sorted.
void sortedComponents(const ParzenEstimator &estimator, std::vector<double> &weights, std::vector<double> &mus,
                      std::vector<double> &sigmas)
{
    std::vector<std::tuple<double, double, double>> triples;
    for (int k = 0; k < estimator.components(); ++k)
        triples.emplace_back(estimator.mu()[k], estimator.sigma()[k], estimator.weights()[k]);
    std::sort(triples.begin(), triples.end());
    weights.clear();
    mus.clear();
    sigmas.clear();
    for (const auto &[mu, sigma, weight] : triples) {
        mus.push_back(mu);
        sigmas.push_back(sigma);
        weights.push_back(weight);
    }
}

double acceptedMass(const ParzenEstimator &estimator)
{
    double mass = 0.0;
    for (int k = 0; k < estimator.components(); ++k)
        mass += estimator.weights()[k] * std::exp(estimator.logComponentMass(k));
    return mass;
}

} // namespace

class TestParzenEstimator : public QObject {
    Q_OBJECT

private slots:
    void cleanupTestCase() { printWorstLogDensity(); }
    void hyperoptRules_data();
    void hyperoptRules();
    void optunaRules_data();
    void optunaRules();
    void optunaLikeOwnRule_data();
    void optunaLikeOwnRule();
    void forgettingWeights_data();
    void forgettingWeights();
    void batchEqualsSingle_data();
    void batchEqualsSingle();
};

void TestParzenEstimator::hyperoptRules_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < golden::hyperoptParzenCases().size(); ++i)
        QTest::newRow(golden::hyperoptParzenCases()[i].name) << static_cast<int>(i);
}

void TestParzenEstimator::hyperoptRules()
{
    QFETCH(int, index);
    const golden::HyperoptParzenCase &c = golden::hyperoptParzenCases()[static_cast<std::size_t>(index)];
    QVERIFY(c.distribution.validate().isOk());
    const NumericDomain domain = NumericDomain::from(c.distribution, CellBounds::Exact);
    const std::vector<double> u = internalValues(domain, c.observations);
    const ParzenEstimator estimator(domain, u, c.priorWeight, 25, Bandwidths::Hyperopt, Normalisation::Global);

    std::vector<double> weights;
    std::vector<double> mus;
    std::vector<double> sigmas;
    sortedComponents(estimator, weights, mus, sigmas);
    QVERIFY2(relativeDifference(mus, c.mus).isEmpty(), qPrintable("mus " + relativeDifference(mus, c.mus)));
    QVERIFY2(relativeDifference(sigmas, c.sigmas).isEmpty(),
             qPrintable("sigmas " + relativeDifference(sigmas, c.sigmas)));
    QVERIFY2(relativeDifference(weights, c.weights).isEmpty(),
             qPrintable("weights " + relativeDifference(weights, c.weights)));
    QVERIFY2(closeRelative(acceptedMass(estimator), c.pAccept),
             qPrintable(QString("accepted mass %1, hyperopt %2").arg(acceptedMass(estimator), 0, 'g', 17)
                            .arg(c.pAccept, 0, 'g', 17)));

    // LGMM1_lpdf of a continuous log kind is a density on x (it has the -log x of the change of
    // variable); Loupe's is on u = log x. The ratio l/g, and so the choice, is the same.
    const bool densityOnX = domain.log && domain.q <= 0.0;
    std::vector<double> densities;
    for (double point : c.points)
        densities.push_back(estimator.logDensity(point) - (densityOnX ? std::log(point) : 0.0));
    QVERIFY2(logDensityDifference(densities, c.logDensity).isEmpty(),
             qPrintable("log-densities " + logDensityDifference(densities, c.logDensity)));
}

void TestParzenEstimator::optunaRules_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < golden::optunaParzenCases().size(); ++i)
        QTest::newRow(golden::optunaParzenCases()[i].name) << static_cast<int>(i);
}

void TestParzenEstimator::optunaRules()
{
    QFETCH(int, index);
    const golden::OptunaParzenCase &c = golden::optunaParzenCases()[static_cast<std::size_t>(index)];
    QVERIFY(c.distribution.validate().isOk());
    const NumericDomain domain = NumericDomain::from(c.distribution, CellBounds::WidenedByHalfStep);
    QVERIFY2(closeRelative(domain.truncLow, c.low) && closeRelative(domain.truncHigh, c.high),
             qPrintable(QString("bounds [%1, %2], Optuna [%3, %4]").arg(domain.truncLow).arg(domain.truncHigh)
                            .arg(c.low).arg(c.high)));
    const std::vector<double> u = internalValues(domain, c.observations);
    const ParzenEstimator estimator(domain, u, c.priorWeight, 25, Bandwidths::Optuna, Normalisation::PerComponent);
    // Both keep the observations in trial order and the prior last.
    const std::vector<double> weights = toVector(estimator.weights());
    const std::vector<double> mus = toVector(estimator.mu());
    const std::vector<double> sigmas = toVector(estimator.sigma());
    QVERIFY2(relativeDifference(weights, c.weights).isEmpty(),
             qPrintable("weights " + relativeDifference(weights, c.weights)));
    QVERIFY2(relativeDifference(mus, c.mus).isEmpty(), qPrintable("mus " + relativeDifference(mus, c.mus)));
    if (!c.sigmasAgree)
        QEXPECT_FAIL("", "Loupe's Optuna-like bandwidths leave the prior mean out of the neighbours and give a "
                         "single observation the gaps to the bounds (docs/search.md)",
                     Abort);
    QVERIFY2(relativeDifference(sigmas, c.sigmas).isEmpty(),
             qPrintable("sigmas " + relativeDifference(sigmas, c.sigmas)));
    std::vector<double> densities;
    for (double point : c.points)
        densities.push_back(estimator.logDensity(point));
    QVERIFY2(logDensityDifference(densities, c.logDensity).isEmpty(),
             qPrintable("log-densities " + logDensityDifference(densities, c.logDensity)));
}

void TestParzenEstimator::optunaLikeOwnRule_data()
{
    // Loupe's rule on [0, 10]: neighbours among the observations alone (the first and last use
    // their one inner gap), a single observation the larger gap to a bound; clipped to
    // [10 / min(100, n + 2), 10]; the prior kernel at 5 with sigma 10.
    QTest::addColumn<std::vector<double>>("observations");
    QTest::addColumn<std::vector<double>>("sigmas");
    QTest::newRow("one observation: max(3 - 0, 10 - 3)") << std::vector<double>{3.0}
                                                          << std::vector<double>{7.0, 10.0};
    QTest::newRow("one observation near a bound") << std::vector<double>{9.5} << std::vector<double>{9.5, 10.0};
    QTest::newRow("three: 1 -> 1 clipped to 2, 2 -> max(1, 6.5), 8.5 -> 6.5")
        << std::vector<double>{1.0, 2.0, 8.5} << std::vector<double>{2.0, 6.5, 6.5, 10.0};
}

void TestParzenEstimator::optunaLikeOwnRule()
{
    QFETCH(std::vector<double>, observations);
    QFETCH(std::vector<double>, sigmas);
    const NumericDomain domain = NumericDomain::from(Distribution::uniform(0, 10), CellBounds::WidenedByHalfStep);
    const ParzenEstimator estimator(domain, observations, 1.0, 25, Bandwidths::Optuna, Normalisation::PerComponent);
    QVERIFY2(relativeDifference(toVector(estimator.sigma()), sigmas).isEmpty(),
             qPrintable(relativeDifference(toVector(estimator.sigma()), sigmas)));
    QCOMPARE(estimator.mu()[estimator.components() - 1], 5.0);
}

void TestParzenEstimator::forgettingWeights_data()
{
    // hyperopt's linear_forgetting_weights / Optuna's default_weights with 25: all ones up to 25
    // observations, then numpy.linspace(1/n, 1, n - 25) for the oldest.
    QTest::addColumn<int>("n");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::newRow("25: all ones") << 25 << std::vector<double>(25, 1.0);
    std::vector<double> twentySix(26, 1.0);
    twentySix[0] = 1.0 / 26.0;
    QTest::newRow("26: one ramp point, 1/n") << 26 << twentySix;
    std::vector<double> twentyNine(29, 1.0);
    for (int i = 0; i < 4; ++i)
        twentyNine[static_cast<std::size_t>(i)] = 1.0 / 29.0 + (1.0 - 1.0 / 29.0) * i / 3.0;
    QTest::newRow("29: four ramp points up to 1") << 29 << twentyNine;
}

void TestParzenEstimator::forgettingWeights()
{
    QFETCH(int, n);
    QFETCH(std::vector<double>, expected);
    const Eigen::ArrayXd weights = loupe::forgettingWeights(n, 25);
    QVERIFY2(relativeDifference(toVector(weights), expected).isEmpty(),
             qPrintable(relativeDifference(toVector(weights), expected)));
}

void TestParzenEstimator::batchEqualsSingle_data()
{
    // logDensities (the sampler scores its candidates together) gives every value the very number
    // logDensity gives it alone, in both modes, for continuous, log and quantized kinds; 300
    // observations cross the scorer's 256-kernel blocks.
    QTest::addColumn<Distribution>("distribution");
    QTest::addColumn<bool>("hyperopt");
    QTest::addColumn<int>("observations");
    QTest::newRow("uniform, hyperopt, 300") << Distribution::uniform(-2.0, 3.0) << true << 300;
    QTest::newRow("uniform, optuna, 300") << Distribution::uniform(-2.0, 3.0) << false << 300;
    QTest::newRow("loguniform, hyperopt, 40") << Distribution::loguniform(-5.0, 1.0) << true << 40;
    QTest::newRow("normal (unbounded), optuna, 40") << Distribution::normal(1.0, 2.0) << false << 40;
    QTest::newRow("quniform, optuna, 40") << Distribution::quniform(0.0, 10.0, 0.5) << false << 40;
    QTest::newRow("no observation, hyperopt") << Distribution::uniform(0.0, 1.0) << true << 0;
}

void TestParzenEstimator::batchEqualsSingle()
{
    QFETCH(Distribution, distribution);
    QFETCH(bool, hyperopt);
    QFETCH(int, observations);
    QVERIFY(distribution.validate().isOk());
    const NumericDomain domain =
        NumericDomain::from(distribution, hyperopt ? CellBounds::Exact : CellBounds::WidenedByHalfStep);
    RandomGenerator rng(77);
    std::vector<double> u;
    for (int i = 0; i < observations; ++i)
        u.push_back(domain.toInternal(domain.toValue(domain.bounded ? domain.truncLow + rng.uniformDouble() * domain.range
                                                                    : domain.priorMu + domain.priorSigma * rng.normal())));
    const ParzenEstimator estimator(domain, u, 1.0, 25, hyperopt ? Bandwidths::Hyperopt : Bandwidths::Optuna,
                                    hyperopt ? Normalisation::Global : Normalisation::PerComponent);
    std::vector<double> values;
    for (int j = 0; j < 24; ++j)
        values.push_back(estimator.sample(rng));
    std::vector<double> batch(values.size());
    estimator.logDensities(values, batch);
    for (std::size_t j = 0; j < values.size(); ++j) {
        QVERIFY2(std::isfinite(batch[j]), qPrintable(QString::number(values[j])));
        QCOMPARE(batch[j], estimator.logDensity(values[j]));
    }
}

QTEST_APPLESS_MAIN(TestParzenEstimator)
#include "tst_parzenestimator.moc"
