// Distribution: every kind samples inside its support, on its q grid, with the integer kinds
// giving integers; contains() accepts exactly those values; validate() names what is wrong.
#include "core/util/RandomGenerator.h"
#include "core/search/Distribution.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

Q_DECLARE_METATYPE(loupe::Distribution)

class TestSearchDistribution : public QObject {
    Q_OBJECT

private slots:
    void samplesInsideSupport_data();
    void samplesInsideSupport();
    void validateRejects_data();
    void validateRejects();
    void pchoiceFollowsProbabilities();
    void containsRejectsOffGrid();
};

void TestSearchDistribution::samplesInsideSupport_data()
{
    QTest::addColumn<Distribution>("distribution");
    QTest::addColumn<double>("low");  // smallest allowed value
    QTest::addColumn<double>("high"); // largest allowed value
    QTest::addColumn<double>("q");    // grid step, 0 = continuous
    QTest::addColumn<bool>("integral");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("choice") << Distribution::choice(3) << 0.0 << 2.0 << 1.0 << true;
    QTest::newRow("pchoice") << Distribution::pchoice({0.2, 0.5, 0.3}) << 0.0 << 2.0 << 1.0 << true;
    QTest::newRow("uniform") << Distribution::uniform(-2.0, 0.5) << -2.0 << 0.5 << 0.0 << false;
    QTest::newRow("quniform") << Distribution::quniform(16, 128, 16) << 16.0 << 128.0 << 16.0 << true;
    QTest::newRow("quniform-fraction") << Distribution::quniform(0, 1, 0.25) << 0.0 << 1.0 << 0.25 << false;
    QTest::newRow("loguniform") << Distribution::loguniform(std::log(1e-4), std::log(1e-1)) << 1e-4 << 1e-1 << 0.0
                                << false;
    QTest::newRow("qloguniform") << Distribution::qloguniform(std::log(8), std::log(512), 8) << 8.0 << 512.0 << 8.0
                                 << true;
    QTest::newRow("normal") << Distribution::normal(3, 0.5) << -inf << inf << 0.0 << false;
    QTest::newRow("qnormal") << Distribution::qnormal(10, 4, 2) << -inf << inf << 2.0 << true;
    QTest::newRow("lognormal") << Distribution::lognormal(0, 1) << 0.0 << inf << 0.0 << false;
    QTest::newRow("qlognormal") << Distribution::qlognormal(2, 1, 5) << 0.0 << inf << 5.0 << true;
    QTest::newRow("randint") << Distribution::randint(3, 7) << 3.0 << 6.0 << 1.0 << true;
}

void TestSearchDistribution::samplesInsideSupport()
{
    QFETCH(Distribution, distribution);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, q);
    QFETCH(bool, integral);
    QVERIFY2(distribution.validate().isOk(), distribution.validate().message().c_str());
    QCOMPARE(distribution.isIntegral(), integral);
    RandomGenerator rng(17);
    double smallest = std::numeric_limits<double>::infinity();
    double largest = -smallest;
    for (int i = 0; i < 5000; ++i) {
        const double value = distribution.sample(rng);
        QVERIFY2(value >= low && value <= high, qPrintable(QString::number(value)));
        QVERIFY2(distribution.contains(value), qPrintable(QString::number(value)));
        if (q > 0.0)
            QVERIFY2(std::abs(value / q - std::nearbyint(value / q)) < 1e-9, qPrintable(QString::number(value)));
        smallest = std::min(smallest, value);
        largest = std::max(largest, value);
    }
    // Bounded kinds cover their range: both ends are approached.
    if (std::isfinite(low) && std::isfinite(high) && low != 0.0) {
        const double span = high - low;
        QVERIFY2(smallest - low <= 0.05 * span, qPrintable(QString::number(smallest)));
        QVERIFY2(high - largest <= 0.05 * span, qPrintable(QString::number(largest)));
    }
}

void TestSearchDistribution::validateRejects_data()
{
    QTest::addColumn<Distribution>("distribution");
    QTest::addColumn<QString>("message");
    QTest::newRow("choice-empty") << Distribution::choice(0) << "at least one option";
    QTest::newRow("pchoice-sum") << Distribution::pchoice({0.5, 0.4}) << "sum to 1";
    QTest::newRow("pchoice-negative") << Distribution::pchoice({1.5, -0.5}) << ">= 0";
    QTest::newRow("uniform-reversed") << Distribution::uniform(3, 1) << "low < high, got [3, 1]";
    QTest::newRow("quniform-q") << Distribution::quniform(0, 1, 0) << "step q > 0";
    QTest::newRow("loguniform-huge") << Distribution::loguniform(0, 1000) << "logarithms";
    QTest::newRow("normal-sigma") << Distribution::normal(0, -1) << "sigma > 0";
    QTest::newRow("randint-fraction") << Distribution::randint(0, 2.5) << "integers low < upper";
    QTest::newRow("randint-empty") << Distribution::randint(4, 4) << "integers low < upper";
}

void TestSearchDistribution::validateRejects()
{
    QFETCH(Distribution, distribution);
    QFETCH(QString, message);
    const Status status = distribution.validate();
    QVERIFY(!status.isOk());
    QVERIFY2(QString::fromStdString(status.message()).contains(message), status.message().c_str());
}

void TestSearchDistribution::pchoiceFollowsProbabilities()
{
    const Distribution distribution = Distribution::pchoice({0.1, 0.0, 0.9});
    RandomGenerator rng(3);
    int counts[3] = {0, 0, 0};
    for (int i = 0; i < 10000; ++i)
        ++counts[static_cast<int>(distribution.sample(rng))];
    QCOMPARE(counts[1], 0);
    QVERIFY2(counts[0] > 800 && counts[0] < 1200, qPrintable(QString::number(counts[0])));
}

void TestSearchDistribution::containsRejectsOffGrid()
{
    const Distribution batch = Distribution::quniform(16, 128, 16);
    QVERIFY(batch.contains(64));
    QVERIFY(!batch.contains(65));
    QVERIFY(!batch.contains(144));
    QVERIFY(!Distribution::randint(0, 4).contains(4));
    QVERIFY(!Distribution::choice(2).contains(0.5));
    QVERIFY(!Distribution::uniform(0, 1).contains(std::nan("")));
    QVERIFY(!Distribution::lognormal(0, 1).contains(-1));
}

QTEST_APPLESS_MAIN(TestSearchDistribution)
#include "tst_searchdistribution.moc"
