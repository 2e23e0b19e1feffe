// The recommendation rules (LrSuggester::onePass, LrSuggester::rangeTest) on synthetic loss curves:
// a clean bowl, the same bowl with seeded noise, a flat curve, one that rises (diverges) from the
// start, curves too short for the one-pass window, a lucky point next to the divergence edge, and
// curves cut by a diverged point.
#include "core/lr/LrSuggester.h"
#include "core/util/RandomGenerator.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace loupe;

namespace {

constexpr double s_none = std::numeric_limits<double>::quiet_NaN();

// One-pass rates: 1e-7 * (1e8)^(i / 100), i < count.
double onePassRate(int i) { return 1e-7 * std::pow(1e8, i / 100.0); }
// Range rates: 1e-6 * 2^i.
double rangeRate(int i) { return 1e-6 * std::pow(2.0, i); }

// A bowl in log10(lr) with its bottom at 10^centre; NaN (diverged) above 10^edge.
std::vector<double> bowlLosses(int count, double (*rate)(int), double centre, double edge, double noise,
                               std::uint64_t seed)
{
    RandomGenerator rng(seed);
    std::vector<double> losses;
    for (int i = 0; i < count; ++i) {
        const double x = std::log10(rate(i));
        const double distance = x - centre;
        const double loss = x > edge ? s_none : 0.5 + 0.08 * distance * distance;
        losses.push_back(loss + noise * rng.normal());
    }
    return losses;
}

// A one-pass curve over onePassRate(0 .. 99): flat at 2.3 for tiny rates, falling by 1.8 fastest
// at 10^centre, rising as 3 (x - edge)^2 above 10^edge (x = log10 lr), plus seeded noise.
std::vector<double> passLosses(double centre, double edge, double noise, std::uint64_t seed)
{
    RandomGenerator rng(seed);
    std::vector<double> losses;
    for (int i = 0; i < 100; ++i) {
        const double x = std::log10(onePassRate(i));
        const double rise = x > edge ? 3.0 * (x - edge) * (x - edge) : 0.0;
        losses.push_back(2.3 - 1.8 / (1.0 + std::exp(-4.0 * (x - centre))) + rise + noise * rng.normal());
    }
    return losses;
}

std::vector<LrPoint> pointsOf(const std::vector<double> &losses, double (*rate)(int))
{
    std::vector<LrPoint> points;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        LrPoint point;
        point.learningRate = rate(int(i));
        point.loss = losses[i];
        point.rawLoss = losses[i];
        point.diverged = !std::isfinite(losses[i]);
        points.push_back(point);
    }
    return points;
}

bool withinFactor(double actual, double expected, double factor)
{
    return actual >= expected / factor && actual <= expected * factor;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<double>)

class TestLrSuggester : public QObject {
    Q_OBJECT

private slots:
    void onePass_data();
    void onePass();
    void rangeTest_data();
    void rangeTest();
    void lossFell_data();
    void lossFell();
};

void TestLrSuggester::onePass_data()
{
    QTest::addColumn<std::vector<double>>("losses");
    QTest::addColumn<double>("expected"); // NaN: nothing recommended
    QTest::addColumn<double>("factor");   // how far from `expected` the recommendation may be
    QTest::addColumn<QString>("method");

    // Flat below 1e-5, falling fastest at 10^-2.5, rising from 1e-2 on: the lowest loss is near
    // 10^-1.87, so minimum (10^-2.87) is below steep (10^-2.5) and recommended.
    QTest::newRow("edge of stability") << passLosses(-2.5, -2.0, 0.0, 1) << std::pow(10.0, -2.87) << 1.3
                                       << QStringLiteral("minimum");
    // Still falling at the end of the window (the batches mostly teach a majority class): the
    // lowest loss is the last point (10^0.44), minimum/10 = 0.28 is above steep (1e-3).
    QTest::newRow("still falling at huge rates") << passLosses(-3.0, 2.0, 0.0, 1) << 1e-3 << 1.3
                                                 << QStringLiteral("steep");
    // Seeded noise of 0.005 (the curves are EMA-smoothed already; a tenth of the steepest step).
    QTest::newRow("noisy edge, seed 1") << passLosses(-2.5, -2.0, 0.005, 1) << std::pow(10.0, -2.87) << 2.0
                                        << QStringLiteral("minimum");
    QTest::newRow("noisy edge, seed 2") << passLosses(-2.5, -2.0, 0.005, 2) << std::pow(10.0, -2.87) << 2.0
                                        << QStringLiteral("minimum");
    QTest::newRow("noisy still falling, seed 3") << passLosses(-3.0, 2.0, 0.005, 3) << 1e-3 << 2.0
                                                 << QStringLiteral("steep");
    QTest::newRow("flat") << std::vector<double>(100, 2.3) << s_none << 1.0 << QString();
    std::vector<double> rising;
    for (int i = 0; i < 100; ++i)
        rising.push_back(2.3 + 0.05 * i);
    QTest::newRow("diverging early") << rising << s_none << 1.0 << QString();
    QTest::newRow("diverged at the second batch") << std::vector<double> {2.3, s_none} << s_none << 1.0 << QString();
    QTest::newRow("one point") << std::vector<double> {2.3} << s_none << 1.0 << QString();
    // Too short for the window [10, size - 5): all points; the lowest is the last (i = 2), steep
    // (i = 1, the larger fall) is above minimum = rate(2) / 10.
    QTest::newRow("three points") << std::vector<double> {2.0, 1.8, 1.5} << onePassRate(2) / 10.0 << 1.0 + 1e-12
                                  << QStringLiteral("minimum");
    // Cut at the first non-finite loss: the fall after it does not count.
    std::vector<double> cut = passLosses(-2.5, -2.0, 0.0, 1);
    cut[60] = s_none;
    cut[90] = 0.0;
    QTest::newRow("cut at a non-finite loss") << cut << onePassRate(59) / 10.0 << 1.0 + 1e-12
                                              << QStringLiteral("minimum");
}

void TestLrSuggester::onePass()
{
    QFETCH(std::vector<double>, losses);
    QFETCH(double, expected);
    QFETCH(double, factor);
    QFETCH(QString, method);
    const LrSuggestions s = LrSuggester::onePass(pointsOf(losses, onePassRate), 100);
    if (std::isnan(expected)) {
        QVERIFY2(!s.recommended, qPrintable(QString::number(s.recommended.value_or(0.0))));
        return;
    }
    QVERIFY(s.recommended);
    QVERIFY2(withinFactor(*s.recommended, expected, factor), qPrintable(QString::number(*s.recommended)));
    QCOMPARE(QString::fromStdString(s.method), method);
    QCOMPARE(*s.recommended, method == QLatin1String("steep") ? *s.steep : *s.minimum);
    QCOMPARE(*s.recommended, std::min(*s.steep, *s.minimum));
    QCOMPARE(*s.lossMinimumRate, *s.minimum * LrSuggester::s_safetyFactor);
}

void TestLrSuggester::rangeTest_data()
{
    QTest::addColumn<std::vector<double>>("losses");
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("factor");

    // Bottom at 1e-3 (between i = 9 and 10), diverged above 0.1 (i >= 17).
    QTest::newRow("bowl") << bowlLosses(20, rangeRate, -3.0, -1.0, 0.0, 1) << rangeRate(10) << 1.0 + 1e-12;
    // The same noise on 20 runs, smoothed over 3 of them: within a factor 4 too.
    QTest::newRow("noisy bowl, seed 1") << bowlLosses(20, rangeRate, -3.0, -1.0, 0.01, 1) << 1e-3 << 4.0;
    QTest::newRow("noisy bowl, seed 2") << bowlLosses(20, rangeRate, -3.0, -1.0, 0.01, 2) << 1e-3 << 4.0;
    QTest::newRow("noisy bowl, seed 3") << bowlLosses(20, rangeRate, -3.0, -1.0, 0.01, 3) << 1e-3 << 4.0;
    // Falling to 0.50 at i = 12, then 0.70 and one lucky 0.45 just before the divergence: the raw
    // minimum is i = 14, the smoothed one i = 11 ((0.60 + 0.52 + 0.50) / 3 = 0.54 against
    // (0.50 + 0.70 + 0.45) / 3 = 0.55 and (0.70 + 0.45) / 2 = 0.575).
    std::vector<double> lucky;
    for (int i = 0; i <= 10; ++i)
        lucky.push_back(2.0 - 0.14 * i);
    lucky.insert(lucky.end(), {0.52, 0.50, 0.70, 0.45, s_none, s_none});
    QTest::newRow("lucky point at the edge") << lucky << rangeRate(11) << 1.0 + 1e-12;
    QTest::newRow("flat") << std::vector<double>(20, 2.3) << s_none << 1.0;
    QTest::newRow("rising from the first rate") << std::vector<double> {2.3, 2.4, 2.6, 3.0, s_none} << s_none << 1.0;
    QTest::newRow("all diverged") << std::vector<double>(6, s_none) << s_none << 1.0;
    QTest::newRow("one point") << std::vector<double> {2.3, s_none} << s_none << 1.0;
    // Two points are too few to smooth: the lower one.
    QTest::newRow("two points") << std::vector<double> {2.3, 1.0} << rangeRate(1) << 1.0 + 1e-12;
    QTest::newRow("three points") << std::vector<double> {2.3, 1.0, 0.9} << rangeRate(2) << 1.0 + 1e-12;
}

void TestLrSuggester::rangeTest()
{
    QFETCH(std::vector<double>, losses);
    QFETCH(double, expected);
    QFETCH(double, factor);
    const LrSuggestions s = LrSuggester::rangeTest(pointsOf(losses, rangeRate));
    QCOMPARE(s.method, std::string("lowest-loss"));
    QVERIFY(!s.valley);
    if (std::isnan(expected)) {
        QVERIFY2(!s.recommended, qPrintable(QString::number(s.recommended.value_or(0.0))));
        return;
    }
    QVERIFY(s.recommended);
    QVERIFY2(withinFactor(*s.recommended, expected, factor), qPrintable(QString::number(*s.recommended)));
    QVERIFY(s.minimum && s.lossMinimumRate);
}

void TestLrSuggester::lossFell_data()
{
    QTest::addColumn<std::vector<double>>("losses");
    QTest::addColumn<int>("lowest");
    QTest::addColumn<bool>("fell");
    QTest::newRow("fell 10 %") << std::vector<double> {1.0, 0.9} << 1 << true;
    QTest::newRow("fell 0.5 %") << std::vector<double> {1.0, 0.995} << 1 << false;
    QTest::newRow("lowest is the first") << std::vector<double> {1.0, 1.2} << 0 << false;
    QTest::newRow("index past the end") << std::vector<double> {1.0} << 3 << false;
}

void TestLrSuggester::lossFell()
{
    QFETCH(std::vector<double>, losses);
    QFETCH(int, lowest);
    QFETCH(bool, fell);
    QCOMPARE(LrSuggester::lossFell(losses, std::size_t(lowest)), fell);
}

QTEST_GUILESS_MAIN(TestLrSuggester)
#include "tst_lrsuggester.moc"
