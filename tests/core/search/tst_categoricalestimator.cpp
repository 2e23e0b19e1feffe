// CategoricalEstimator against hyperopt's own categorical posteriors. The expected probabilities
// are made by tests/core/search/golden/make_tpe_golden.py, which evaluates hyperopt 0.3.0's
// ap_randint_sampler (hp.choice, hp.randint) and ap_categorical_sampler (hp.pchoice) with
// pyll.rec_eval and their *_lpdf at every category (versions in the generated header): unseen
// levels, fewer observations than levels, a randint offset and linear forgetting past 25.
#include "core/search/CategoricalEstimator.h"
#include "tests/core/search/TpeTestSupport.h"
#include "tests/core/search/golden/CategoricalGolden.h"

#include <QtTest>

#include <cmath>

using namespace loupe;
using namespace loupe::test;

class TestCategoricalEstimator : public QObject {
    Q_OBJECT

private slots:
    void hyperoptPseudoCounts_data();
    void hyperoptPseudoCounts();
};

void TestCategoricalEstimator::hyperoptPseudoCounts_data()
{
    QTest::addColumn<int>("index");
    for (std::size_t i = 0; i < golden::hyperoptCategoricalCases().size(); ++i)
        QTest::newRow(golden::hyperoptCategoricalCases()[i].name) << static_cast<int>(i);
}

void TestCategoricalEstimator::hyperoptPseudoCounts()
{
    QFETCH(int, index);
    const golden::CategoricalCase &c = golden::hyperoptCategoricalCases()[static_cast<std::size_t>(index)];
    QVERIFY(c.distribution.validate().isOk());
    // The prior and the category of a raw value as the TPE sampler sets them up.
    const bool randint = c.distribution.kind() == DistributionKind::RandInt;
    Eigen::ArrayXd prior;
    if (randint) {
        const auto categories = static_cast<Eigen::Index>(c.distribution.high() - c.distribution.low());
        prior = Eigen::ArrayXd::Constant(categories, 1.0 / static_cast<double>(categories));
    } else {
        prior = Eigen::Map<const Eigen::ArrayXd>(c.distribution.probabilities().data(),
                                                 static_cast<Eigen::Index>(c.distribution.probabilities().size()));
    }
    std::vector<int> categories;
    for (int raw : c.observations)
        categories.push_back(randint ? raw - static_cast<int>(c.distribution.low()) : raw);
    const CategoricalEstimator estimator(prior, categories, c.priorWeight, 25);
    std::vector<double> probabilities;
    std::vector<double> logs;
    for (Eigen::Index k = 0; k < prior.size(); ++k) {
        logs.push_back(estimator.logProbability(static_cast<int>(k)));
        probabilities.push_back(std::exp(logs.back()));
    }
    QVERIFY2(relativeDifference(probabilities, c.probabilities).isEmpty(),
             qPrintable("probabilities " + relativeDifference(probabilities, c.probabilities)));
    QVERIFY2(relativeDifference(logs, c.logProbability).isEmpty(),
             qPrintable("log probabilities " + relativeDifference(logs, c.logProbability)));
}

QTEST_APPLESS_MAIN(TestCategoricalEstimator)
#include "tst_categoricalestimator.moc"
