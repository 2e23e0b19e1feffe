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
#include "tests/core/search/TpeTestSupport.h"
#include "tests/core/search/golden/MultivariateGolden.h"

#include <QtTest>

#include <cmath>

using namespace loupe;
using namespace loupe::test;

class TestMultivariateParzen : public QObject {
    Q_OBJECT

private slots:
    void optunaKernels_data();
    void optunaKernels();
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

QTEST_APPLESS_MAIN(TestMultivariateParzen)
#include "tst_multivariateparzen.moc"
