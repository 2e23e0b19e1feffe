// KernelScorer: the double-precision, vectorised log-density of Gaussian kernel mixtures behind TPE's
// scores, against the same sum taken term by term in long double (shifted by the largest term).
// Random kernels and points from fixed seeds; sizes chosen to cross the 256-kernel blocks, points far
// from every kernel (the shifted one-pass sum underflows and the exact pass takes over), kernels of
// zero weight (constant -inf) and no dimensions at all.
#include "core/search/KernelScorer.h"
#include "core/util/RandomGenerator.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <vector>

using namespace loupe;

namespace {

struct Mixture {
    Eigen::ArrayXd constant;
    Eigen::ArrayXXd mu;
    Eigen::ArrayXXd inverseSigma;
};

Mixture randomMixture(std::uint64_t seed, int kernels, int dims, int deadKernels)
{
    RandomGenerator rng(seed);
    Mixture m{Eigen::ArrayXd(kernels), Eigen::ArrayXXd(kernels, dims), Eigen::ArrayXXd(kernels, dims)};
    for (int k = 0; k < kernels; ++k) {
        m.constant[k] = k < deadKernels ? -std::numeric_limits<double>::infinity() : -12.0 * rng.uniformDouble();
        for (int d = 0; d < dims; ++d) {
            m.mu(k, d) = rng.uniformDouble();
            m.inverseSigma(k, d) = 1.0 / (0.01 + rng.uniformDouble());
        }
    }
    return m;
}

// log sum_k exp(c_k - sum_d ((u_d - mu_dk) / sigma_dk)^2 / 2), every step in long double.
double referenceLogDensity(const Mixture &m, const Eigen::ArrayXXd &points, Eigen::Index column)
{
    std::vector<long double> terms;
    long double top = -std::numeric_limits<long double>::infinity();
    for (Eigen::Index k = 0; k < m.constant.size(); ++k) {
        long double term = m.constant[k];
        for (Eigen::Index d = 0; d < m.mu.cols(); ++d) {
            const long double z = (static_cast<long double>(points(d, column)) - m.mu(k, d)) * m.inverseSigma(k, d);
            term -= 0.5L * z * z;
        }
        terms.push_back(term);
        top = std::max(top, term);
    }
    if (!std::isfinite(static_cast<double>(top)))
        return static_cast<double>(top);
    long double sum = 0.0L;
    for (long double term : terms)
        sum += std::exp(term - top);
    return static_cast<double>(top + std::log(sum));
}

} // namespace

class TestKernelScorer : public QObject {
    Q_OBJECT

private slots:
    void matchesLongDouble_data();
    void matchesLongDouble();
    void noKernels();
    void logSumExpDouble();
};

void TestKernelScorer::matchesLongDouble_data()
{
    QTest::addColumn<int>("kernels");
    QTest::addColumn<int>("dims");
    QTest::addColumn<int>("deadKernels"); // the first ones get constant -inf
    QTest::addColumn<double>("pointOffset"); // points drawn in [offset, offset + 1)
    QTest::addColumn<int>("points");
    QTest::newRow("one kernel, one dimension") << 1 << 1 << 0 << 0.0 << 5;
    QTest::newRow("300 kernels: a full and a partial block") << 300 << 1 << 0 << 0.0 << 24;
    QTest::newRow("256 kernels: exactly one block") << 256 << 2 << 0 << 0.0 << 7;
    QTest::newRow("1,000 kernels in 6 dimensions (hartmann6's shape)") << 1000 << 6 << 0 << 0.0 << 24;
    QTest::newRow("points far from every kernel: exact pass") << 200 << 1 << 0 << 400.0 << 6;
    QTest::newRow("far in 3 dimensions: exact pass") << 50 << 3 << 0 << 60.0 << 6;
    QTest::newRow("zero-weight kernels among the others") << 40 << 2 << 7 << 0.0 << 10;
    QTest::newRow("every kernel of zero weight: -inf") << 12 << 1 << 12 << 0.0 << 3;
    QTest::newRow("no dimensions: log sum exp(c)") << 70 << 0 << 0 << 0.0 << 2;
}

void TestKernelScorer::matchesLongDouble()
{
    QFETCH(int, kernels);
    QFETCH(int, dims);
    QFETCH(int, deadKernels);
    QFETCH(double, pointOffset);
    QFETCH(int, points);
    const Mixture m = randomMixture(1234, kernels, dims, deadKernels);
    const KernelScorer scorer(m.constant, m.mu, m.inverseSigma);
    QCOMPARE(scorer.kernels(), kernels);
    QCOMPARE(scorer.dimensions(), dims);
    RandomGenerator rng(99);
    Eigen::ArrayXXd at(dims, points);
    for (int j = 0; j < points; ++j) {
        for (int d = 0; d < dims; ++d)
            at(d, j) = pointOffset + rng.uniformDouble();
    }
    std::vector<double> batch(static_cast<std::size_t>(points));
    scorer.logDensities(at, batch);
    for (int j = 0; j < points; ++j) {
        const double expected = referenceLogDensity(m, at, j);
        const double actual = batch[static_cast<std::size_t>(j)];
        if (std::isinf(expected)) {
            QCOMPARE(actual, expected);
            continue;
        }
        QVERIFY2(std::abs(actual - expected) <= 1e-12 * std::max(1.0, std::abs(expected)),
                 qPrintable(QString("point %1: %2, long double %3").arg(j).arg(actual, 0, 'g', 17)
                                .arg(expected, 0, 'g', 17)));
        // One point alone gives the very same number as in the batch.
        double single = 0.0;
        scorer.logDensities(at.col(j), std::span<double>(&single, 1));
        QCOMPARE(single, actual);
    }
}

void TestKernelScorer::noKernels()
{
    const KernelScorer scorer(Eigen::ArrayXd(0), Eigen::ArrayXXd(0, 2), Eigen::ArrayXXd(0, 2));
    double density = 0.0;
    scorer.logDensities(Eigen::ArrayXXd::Zero(2, 1), std::span<double>(&density, 1));
    QCOMPARE(density, -std::numeric_limits<double>::infinity());
}

void TestKernelScorer::logSumExpDouble()
{
    // Terms 1e-12 apart: a single-precision sum could not tell them from equal ones.
    Eigen::ArrayXd terms(3);
    terms << -1000.0, -1000.0 + 1e-12, -1003.0;
    const long double expected = -1000.0L + std::log(1.0L + std::exp(1e-12L) + std::exp(-3.0L));
    QVERIFY2(std::abs(logSumExp(terms) - static_cast<double>(expected)) <= 1e-15 * 1000.0,
             qPrintable(QString::number(logSumExp(terms), 'g', 17)));
    QCOMPARE(logSumExp(Eigen::ArrayXd(0)), -std::numeric_limits<double>::infinity());
}

QTEST_APPLESS_MAIN(TestKernelScorer)
#include "tst_kernelscorer.moc"
