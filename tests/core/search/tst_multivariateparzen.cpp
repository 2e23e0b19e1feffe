// MultivariateParzen (the default mode's joint kernels) against Optuna 3.1's _ParzenEstimator with
// multivariate=True. The expected values are made by tests/core/search/golden/make_tpe_golden.py
// (versions in the generated header). Loupe's kernels take each numeric dimension's bandwidths
// from Optuna's univariate rule, so the generator replaces the joint estimator's Scott's-rule
// sigmas by the univariate estimators' before calling its log_pdf; everything else -- weights with
// linear forgetting and the prior kernel, the categorical kernel, truncation per component, the
// q-cells widened by q/2 -- is Optuna's own code.
#include "core/search/MultivariateParzen.h"
#include "core/search/NumericDomain.h"
#include "core/search/ParzenEstimator.h"
#include "core/util/RandomGenerator.h"
#include "tests/core/search/TpeTestSupport.h"
#include "tests/core/search/golden/MultivariateGolden.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace loupe;
using namespace loupe::test;

class TestMultivariateParzen : public QObject {
    Q_OBJECT

private slots:
    void cleanupTestCase() { printWorstLogDensity(); }
    void optunaKernels_data();
    void optunaKernels();
    void continuousKernels_data();
    void continuousKernels();
};

void TestMultivariateParzen::optunaKernels_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < golden::multivariateCases().size(); ++i)
        QTest::newRow(golden::multivariateCases()[i].name) << static_cast<int>(i);
}

void TestMultivariateParzen::optunaKernels()
{
    QFETCH(int, index);
    const golden::MultivariateCase &c = golden::multivariateCases()[static_cast<std::size_t>(index)];
    const std::vector<Distribution> distributions = golden::multivariateDimensions();
    std::vector<KernelDimension> dimensions;
    std::vector<std::vector<double>> observations;
    std::size_t numeric = 0;
    for (std::size_t d = 0; d < distributions.size(); ++d) {
        QVERIFY(distributions[d].validate().isOk());
        KernelDimension dimension;
        dimension.categorical = distributions[d].isCategorical();
        std::vector<double> column = c.observations[d];
        if (dimension.categorical) {
            dimension.categoryPrior = Eigen::Map<const Eigen::ArrayXd>(
                distributions[d].probabilities().data(),
                static_cast<Eigen::Index>(distributions[d].probabilities().size()));
        } else {
            dimension.domain = NumericDomain::from(distributions[d], CellBounds::WidenedByHalfStep);
            for (double &value : column)
                value = dimension.domain.toInternal(value);
            // The per-dimension estimator the kernels are built from: Optuna's weights and sigmas.
            const ParzenEstimator single(dimension.domain, column, c.priorWeight, 25, Bandwidths::Optuna,
                                         Normalisation::PerComponent);
            const std::vector<double> sigmas(single.sigma().begin(), single.sigma().end());
            const std::vector<double> weights(single.weights().begin(), single.weights().end());
            QVERIFY2(relativeDifference(sigmas, c.sigmas[numeric]).isEmpty(),
                     qPrintable(QString("dimension %1 sigmas ").arg(d) + relativeDifference(sigmas, c.sigmas[numeric])));
            QVERIFY2(relativeDifference(weights, c.weights).isEmpty(),
                     qPrintable("weights " + relativeDifference(weights, c.weights)));
            ++numeric;
        }
        dimensions.push_back(dimension);
        observations.push_back(column);
    }
    // Optuna's categorical kernel table, read back through a kernel over the categorical dimension
    // alone: log P(c) = log sum_k w_k table[k][c].
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        if (!dimensions[d].categorical)
            continue;
        const MultivariateParzen alone({dimensions[d]}, {observations[d]}, c.priorWeight, 25);
        std::vector<double> actual;
        std::vector<double> expected;
        for (Eigen::Index category = 0; category < dimensions[d].categoryPrior.size(); ++category) {
            double mass = 0.0;
            for (std::size_t k = 0; k < c.weights.size(); ++k)
                mass += c.weights[k] * c.categoryTable[k][static_cast<std::size_t>(category)];
            expected.push_back(std::log(mass));
            actual.push_back(alone.logDensity({static_cast<double>(category)}));
        }
        QVERIFY2(logDensityDifference(actual, expected).isEmpty(),
                 qPrintable("categorical kernel " + logDensityDifference(actual, expected)));
    }
    const MultivariateParzen estimator(dimensions, observations, c.priorWeight, 25);
    std::vector<double> densities;
    for (std::size_t p = 0; p < c.logDensity.size(); ++p) {
        std::vector<double> point;
        for (std::size_t d = 0; d < dimensions.size(); ++d)
            point.push_back(c.points[d][p]);
        densities.push_back(estimator.logDensity(point));
    }
    QVERIFY2(logDensityDifference(densities, c.logDensity).isEmpty(),
             qPrintable("log-densities " + logDensityDifference(densities, c.logDensity)));
}

void TestMultivariateParzen::continuousKernels_data()
{
    // Every dimension continuous: the estimator scores all points in one vectorised pass
    // (KernelScorer); it must equal the product kernels written out from the per-dimension
    // estimators, summed in long double. Seeds fixed; sizes cross the scorer's 256-kernel blocks.
    QTest::addColumn<int>("observations");
    QTest::addColumn<int>("dims");
    QTest::newRow("no observation: the prior kernel alone") << 0 << 3;
    QTest::newRow("one observation") << 1 << 2;
    QTest::newRow("30 observations, forgetting on") << 30 << 6;
    QTest::newRow("400 observations in 6 dimensions") << 400 << 6;
}

void TestMultivariateParzen::continuousKernels()
{
    QFETCH(int, observations);
    QFETCH(int, dims);
    std::vector<KernelDimension> dimensions;
    std::vector<std::vector<double>> columns;
    RandomGenerator rng(2024);
    for (int d = 0; d < dims; ++d) {
        KernelDimension dimension;
        // Alternate a uniform [0, 1] and a log-uniform [1e-4, 1] dimension.
        const Distribution distribution = d % 2 == 0 ? Distribution::uniform(0.0, 1.0)
                                                     : Distribution::loguniform(std::log(1e-4), 0.0);
        dimension.domain = NumericDomain::from(distribution, CellBounds::WidenedByHalfStep);
        std::vector<double> column;
        for (int i = 0; i < observations; ++i)
            column.push_back(dimension.domain.toInternal(dimension.domain.toValue(
                dimension.domain.truncLow + rng.uniformDouble() * (dimension.domain.truncHigh - dimension.domain.truncLow))));
        dimensions.push_back(dimension);
        columns.push_back(column);
    }
    const MultivariateParzen estimator(dimensions, columns, 1.0, 25);
    std::vector<ParzenEstimator> single;
    for (int d = 0; d < dims; ++d)
        single.emplace_back(dimensions[static_cast<std::size_t>(d)].domain, columns[static_cast<std::size_t>(d)], 1.0,
                            25, Bandwidths::Optuna, Normalisation::PerComponent);
    std::vector<std::vector<double>> points;
    for (int j = 0; j < 24; ++j) {
        std::vector<double> point;
        for (int d = 0; d < dims; ++d) {
            const NumericDomain &domain = dimensions[static_cast<std::size_t>(d)].domain;
            point.push_back(domain.toValue(domain.truncLow + rng.uniformDouble() * (domain.truncHigh - domain.truncLow)));
        }
        points.push_back(point);
    }
    std::vector<double> batch(points.size());
    estimator.logDensities(points, batch);
    const long double logSqrtTwoPi = 0.5L * std::log(2.0L * 3.141592653589793238462643383279502884L);
    for (std::size_t j = 0; j < points.size(); ++j) {
        std::vector<long double> terms;
        long double top = -std::numeric_limits<long double>::infinity();
        for (int k = 0; k < single.front().components(); ++k) {
            long double term = std::log(static_cast<long double>(single.front().weights()[k]));
            for (int d = 0; d < dims; ++d) {
                const ParzenEstimator &e = single[static_cast<std::size_t>(d)];
                const long double u = dimensions[static_cast<std::size_t>(d)].domain.toInternal(points[j][static_cast<std::size_t>(d)]);
                const long double z = (u - e.mu()[k]) / e.sigma()[k];
                term += -0.5L * z * z - std::log(static_cast<long double>(e.sigma()[k])) - logSqrtTwoPi - e.logComponentMass(k);
            }
            terms.push_back(term);
            top = std::max(top, term);
        }
        long double sum = 0.0L;
        for (long double term : terms)
            sum += std::exp(term - top);
        const double expected = static_cast<double>(top + std::log(sum));
        QVERIFY2(std::abs(batch[j] - expected) <= 1e-12 * std::max(1.0, std::abs(expected)),
                 qPrintable(QString("point %1: %2, long double %3").arg(j).arg(batch[j], 0, 'g', 17)
                                .arg(expected, 0, 'g', 17)));
        QCOMPARE(estimator.logDensity(points[j]), batch[j]);
    }
}

QTEST_APPLESS_MAIN(TestMultivariateParzen)
#include "tst_multivariateparzen.moc"
