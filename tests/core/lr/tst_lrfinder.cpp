// The two learning-rate finders. Their bookkeeping is tested on injected loss sources (the rate
// sequence, the smoothing, the 4x stop rule, diverged runs kept), the suggestion rules on
// synthetic curves, and the training paths on a small seeded data set.
#include "LrTestData.h"

#include "core/lr/LrSuggester.h"
#include "core/lr/OnePassFinder.h"
#include "core/lr/RangeTest.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

bool close(double actual, double expected, double tolerance = 1e-9)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

// A curve with its minimum at lr = 1e-3 that diverges above 0.1.
RangeRunOutcome bowl(double rate)
{
    RangeRunOutcome outcome;
    if (rate > 0.1) {
        outcome.diverged = true;
        outcome.meanLoss = std::numeric_limits<double>::quiet_NaN();
        return outcome;
    }
    const double distance = std::log10(rate) + 3.0;
    outcome.meanLoss = 1.0 + distance * distance;
    return outcome;
}

} // namespace

class TestLrFinder : public QObject {
    Q_OBJECT

private slots:
    void rangeRates_data();
    void rangeRates();
    void rangeKeepsDivergedRunsAndSuggests();
    void rangeCancels();
    void rangeOptionsAreValidated_data();
    void rangeOptionsAreValidated();
    void rangeSampleIsSeededAndOrdered();

    void onePassRates();
    void onePassSmoothing();
    void onePassStopsAtFourTimesTheBest_data();
    void onePassStopsAtFourTimesTheBest();
    void onePassOptionsAreValidated();

    void valleyOnASyntheticCurve();
    void valleyEdgeCases();
    void steepAndMinimum();
    void rangeSteepUsesTheSmoothedCurve();
    void onePassWindowSkipsTheEnds();

    void trainedRangeTest();
    void trainedRangeTestRecordsDivergence();
    void trainedOnePass();
};

void TestLrFinder::rangeRates_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("factor");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("last");
    QTest::newRow("chapter defaults: 1e-6 doubled 19 times") << 1e-6 << 2.0 << 20 << 0.524288;
    QTest::newRow("decades") << 1e-5 << 10.0 << 6 << 1.0;
    QTest::newRow("two rates") << 0.5 << 3.0 << 2 << 1.5;
}

void TestLrFinder::rangeRates()
{
    QFETCH(double, start);
    QFETCH(double, factor);
    QFETCH(int, steps);
    QFETCH(double, last);
    const std::vector<double> rates = RangeTest(RangeTestOptions{start, factor, steps, 1.0, 0}).rates();
    QCOMPARE(static_cast<int>(rates.size()), steps);
    QVERIFY(close(rates.front(), start));
    QVERIFY2(close(rates.back(), last), qPrintable(QString::number(rates.back(), 'g', 17)));
    for (std::size_t i = 1; i < rates.size(); ++i)
        QVERIFY(close(rates[i] / rates[i - 1], factor));
}

void TestLrFinder::rangeKeepsDivergedRunsAndSuggests()
{
    const RangeTest test(RangeTestOptions{});
    std::vector<double> seen;
    const LrFindResult result = test.run([&](std::size_t index, double rate, const auto &) {
        seen.push_back(rate);
        return bowl(rate);
        Q_UNUSED(index);
    });
    QVERIFY(result.status.isOk());
    QCOMPARE(result.points.size(), std::size_t(20));
    QCOMPARE(seen, test.rates()); // a fresh run per rate, in order, none skipped after a divergence
    // 1e-6 * 2^17 = 0.131 is the first rate above 0.1.
    for (int i = 0; i < 20; ++i) {
        QCOMPARE(result.points[i].diverged, i >= 17);
        QCOMPARE(std::isnan(result.points[i].loss), i >= 17);
    }
    // Lowest loss at 1e-6 * 2^10 = 1.024e-3 (closest to 1e-3, also on the smoothed curve): that
    // rate itself is recommended; minimum is one tenth of it.
    QVERIFY(close(*result.suggestions.lossMinimumRate, 1.024e-3));
    QVERIFY(close(*result.suggestions.minimum, 1.024e-4));
    QVERIFY(close(*result.suggestions.recommended, 1.024e-3));
    QCOMPARE(result.suggestions.method, std::string("lowest-loss"));
    QVERIFY(!result.suggestions.valley);
    // The bowl falls fastest (per ln lr) at its low end. With x = log10(lr) + 3 and d = log10(2),
    // the smoothed curve's first segment (its first value averages only two points) falls by
    // x0 d + 7d^2/6 = -0.80, the second by 2 x0 d + 3 d^2 = -1.53, later ones less: rate 2e-6.
    QVERIFY(close(*result.suggestions.steep, 2e-6));
}

void TestLrFinder::rangeCancels()
{
    CancellationToken token;
    int runs = 0;
    const LrFindResult result = RangeTest(RangeTestOptions{}).run(
        [&](std::size_t, double rate, const auto &) {
            if (++runs == 3)
                token.cancel();
            return bowl(rate);
        },
        &token);
    QVERIFY(result.status.isCancelled());
    QCOMPARE(result.points.size(), std::size_t(3));

    // A progress sink saying Stop cancels too.
    int calls = 0;
    const LrFindResult stopped = RangeTest(RangeTestOptions{}).run(
        [](std::size_t, double rate, const auto &) { return bowl(rate); }, nullptr,
        [&](const Progress &) { return ++calls >= 5 ? ProgressAction::Stop : ProgressAction::Continue; });
    QVERIFY(stopped.status.isCancelled());
    QCOMPARE(stopped.points.size(), std::size_t(5));
}

void TestLrFinder::rangeOptionsAreValidated_data()
{
    QTest::addColumn<double>("start");
    QTest::addColumn<double>("factor");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("fraction");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("start 0") << 0.0 << 2.0 << 20 << 1.0 << "start:";
    QTest::newRow("factor 1") << 1e-6 << 1.0 << 20 << 1.0 << "factor:";
    QTest::newRow("steps 1") << 1e-6 << 2.0 << 1 << 1.0 << "steps: expected an integer >= 2";
    QTest::newRow("last rate overflows") << 1.0 << 1e10 << 10 << 1.0 << "steps: the last rate";
    // Issue 13, item 10: the model spec's learning-rate range, and denormals (the optimizers' float makes them 0).
    QTest::newRow("start denormal") << 1e-320 << 2.0 << 20 << 1.0 << "start: expected a learning rate in [1.17549e-38";
    QTest::newRow("start 1e308") << 1e308 << 2.0 << 20 << 1.0 << "start: expected a learning rate in";
    QTest::newRow("start NaN") << std::nan("") << 2.0 << 20 << 1.0 << "start:";
    QTest::newRow("last rate above the spec's cap") << 1e3 << 10.0 << 5 << 1.0
                                                     << "steps: the last rate start * factor^(steps - 1) = 1e+07";
    QTest::newRow("factor infinite") << 1e-6 << HUGE_VAL << 20 << 1.0 << "factor:";
    QTest::newRow("fraction 0") << 1e-6 << 2.0 << 20 << 0.0 << "fraction:";
    QTest::newRow("fraction 1.5") << 1e-6 << 2.0 << 20 << 1.5 << "fraction:";
}

void TestLrFinder::rangeOptionsAreValidated()
{
    QFETCH(double, start);
    QFETCH(double, factor);
    QFETCH(int, steps);
    QFETCH(double, fraction);
    QFETCH(QString, prefix);
    const Status status = RangeTest::validate(RangeTestOptions{start, factor, steps, fraction, 0});
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(status.message()).startsWith(prefix), status.message().c_str());
}

void TestLrFinder::rangeSampleIsSeededAndOrdered()
{
    const TrainingSet rows = testing::blobs(100, 3, 1.0);
    const TrainingSet a = RangeTest::sample(rows, 0.25, 9);
    const TrainingSet b = RangeTest::sample(rows, 0.25, 9);
    const TrainingSet c = RangeTest::sample(rows, 0.25, 10);
    QCOMPARE(a.size(), Index(25));
    QVERIFY(a.features().isApprox(b.features()));
    QVERIFY(!a.features().isApprox(c.features()));
    QCOMPARE(RangeTest::sample(rows, 1.0, 9).size(), Index(100));
    QCOMPARE(RangeTest::sample(rows, 0.001, 9).size(), Index(1));
}

void TestLrFinder::onePassRates()
{
    OnePassFinder finder(OnePassOptions{});
    std::vector<double> rates;
    const LrFindResult result = finder.run([&](std::int64_t, double rate) {
        rates.push_back(rate);
        return 1.0;
    });
    QCOMPARE(rates.size(), std::size_t(100)); // a flat loss never triggers the stop rule
    QCOMPARE(result.points.size(), std::size_t(100));
    // 1e-7 * (1e8)^(i/100): 1e-7, 1e-3 at i = 50, 10^0.92 = 8.3176 at i = 99 (never `end` itself).
    QVERIFY(close(rates[0], 1e-7));
    QVERIFY(close(rates[50], 1e-3));
    QVERIFY(close(rates[99], 8.317637711026709));
    QVERIFY(close(result.points[99].learningRate, rates[99]));
}

void TestLrFinder::onePassSmoothing()
{
    OnePassFinder finder(OnePassOptions{});
    finder.begin(10);
    const double raw[4] = {1, 2, 3, 4};
    // avg_n = 0.98 avg + 0.02 loss; smooth = avg_n / (1 - 0.98^n):
    // 0.02/0.02 = 1; 0.0596/0.0396; 0.118408/0.058808; ...
    const double smoothed[4] = {1.0, 1.505050505051, 2.013467555435, 2.525250464243};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(finder.observe(0.1 * (i + 1), raw[i]), FinderStep::Continue);
        QVERIFY2(close(finder.points()[i].loss, smoothed[i], 1e-11), qPrintable(QString::number(finder.points()[i].loss, 'g', 15)));
        QCOMPARE(finder.points()[i].rawLoss, raw[i]);
    }
    QVERIFY(!finder.points().back().diverged);
}

void TestLrFinder::onePassStopsAtFourTimesTheBest_data()
{
    QTest::addColumn<double>("jumpTo");
    QTest::addColumn<int>("points");
    // Loss 1 for 20 batches, then `jumpTo`. The smoothed loss crosses 4 (4x the best, 1) at batch
    // 55 for a jump to 5, never for 3.9 (it tends to 3.9), at once for 1000 (58.8 at batch 21).
    QTest::newRow("jump to 5: stops at batch 55") << 5.0 << 55;
    QTest::newRow("jump to 3.9: runs all 100") << 3.9 << 100;
    QTest::newRow("jump to 1000: stops at batch 21") << 1000.0 << 21;
    QTest::newRow("NaN: stops at batch 21") << std::numeric_limits<double>::quiet_NaN() << 21;
}

void TestLrFinder::onePassStopsAtFourTimesTheBest()
{
    QFETCH(double, jumpTo);
    QFETCH(int, points);
    OnePassFinder finder(OnePassOptions{});
    int calls = 0;
    const LrFindResult result = finder.run([&](std::int64_t i, double) {
        ++calls;
        return i < 20 ? 1.0 : jumpTo;
    });
    QCOMPARE(calls, points);
    QCOMPARE(static_cast<int>(result.points.size()), points);
    const bool stopped = points < 100;
    QCOMPARE(result.points.back().diverged, stopped);
    for (int i = 0; i + 1 < points; ++i)
        QVERIFY(!result.points[i].diverged);
    if (stopped && std::isfinite(jumpTo))
        QVERIFY(result.points.back().loss > 4.0 && result.points[points - 2].loss <= 4.0);
}

void TestLrFinder::onePassOptionsAreValidated()
{
    QVERIFY(OnePassFinder::validate(OnePassOptions{}).isOk());
    OnePassOptions options;
    options.start = -1;
    QVERIFY(QString::fromStdString(OnePassFinder::validate(options).message()).startsWith("start:"));
    options = OnePassOptions{};
    options.end = 1e-8;
    QVERIFY(QString::fromStdString(OnePassFinder::validate(options).message()).startsWith("end:"));
    // Issue 13, item 10: a denormal start made the rates NaN and the spec was blamed.
    options = OnePassOptions{};
    options.start = 1e-320;
    QVERIFY(QString::fromStdString(OnePassFinder::validate(options).message())
                .startsWith("start: expected a learning rate in [1.17549e-38, 1e+06], got 9.99989e-321"));
    options = OnePassOptions{};
    options.end = 1e308;
    QVERIFY(QString::fromStdString(OnePassFinder::validate(options).message()).startsWith("end: expected a learning rate"));
    options = OnePassOptions{};
    options.iterations = 5;
    QVERIFY(QString::fromStdString(OnePassFinder::validate(options).message()).startsWith("iterations:"));
    options.iterations = 0;
    QVERIFY(OnePassFinder::validate(options).isOk());
}

void TestLrFinder::valleyOnASyntheticCurve()
{
    // Flat at 2.3 for 10 points, a 20-point descent 2.2 .. 0.68, then a blow-up.
    std::vector<double> losses(10, 2.3);
    for (int j = 0; j < 20; ++j)
        losses.push_back(2.2 - 0.08 * j);
    for (double rise : {3.0, 4.0, 6.0, 9.0})
        losses.push_back(rise);
    // Longest strictly decreasing run: one 2.3 plus the 20-point descent, L = 21, ending at 29;
    // start = 29 - 21 = 8, pick 8 + int(21/3) + int(21/6) = 8 + 7 + 3 = 18.
    QCOMPARE(LrSuggester::valleyIndex(losses), std::optional<std::size_t>(18));
}

void TestLrFinder::valleyEdgeCases()
{
    QVERIFY(!LrSuggester::valleyIndex({}));
    QCOMPARE(LrSuggester::valleyIndex({1.0}), std::optional<std::size_t>(0));
    // Strictly decreasing from index 0, L = 2: fastai's index would be -1; taken as 0.
    QCOMPARE(LrSuggester::valleyIndex({2.0, 1.0}), std::optional<std::size_t>(0));
    // L = 6 from index 0 (start -1): -1 + 2 + 1 = 2.
    QCOMPARE(LrSuggester::valleyIndex({6, 5, 4, 3, 2, 1}), std::optional<std::size_t>(2));
    // A rising curve has no valley longer than 1: index 0.
    QCOMPARE(LrSuggester::valleyIndex({1, 2, 3, 4}), std::optional<std::size_t>(0));
}

void TestLrFinder::steepAndMinimum()
{
    std::vector<double> rates;
    for (int i = 0; i < 8; ++i)
        rates.push_back(std::pow(10.0, -7.0 + 0.25 * i));
    const std::vector<double> losses{2.3, 2.3, 2.2, 1.5, 1.2, 1.1, 1.0, 3.0};
    // Differences -0, -0.1, -0.7, -0.3, -0.1, -0.1, +2: steepest between index 2 and 3.
    QCOMPARE(LrSuggester::steepIndex(rates, losses), std::optional<std::size_t>(2));
    QCOMPARE(LrSuggester::minimumIndex(losses), std::optional<std::size_t>(6));
    QVERIFY(!LrSuggester::steepIndex({1e-3}, {1.0}));
    QVERIFY(!LrSuggester::minimumIndex({}));
    QCOMPARE(LrSuggester::movingAverage({1, 2, 3, 10}, 1), (std::vector<double>{1.5, 2.0, 5.0, 6.5}));
}

void TestLrFinder::rangeSteepUsesTheSmoothedCurve()
{
    // Raw losses fall fastest from rate 2 to 4 (-1.0); the 3-point averages
    // [2, 1.6667, 1.3, 0.9, 0.85] fall fastest from rate 4 to 8 (-0.4).
    const double raw[5] = {2.0, 2.0, 1.0, 0.9, 0.8};
    std::vector<LrPoint> points;
    for (int i = 0; i < 5; ++i)
        points.push_back(LrPoint{std::pow(2.0, i), raw[i], raw[i], false});
    points.push_back(LrPoint{32.0, std::numeric_limits<double>::quiet_NaN(), 0.0, true});
    const LrSuggestions suggestions = LrSuggester::rangeTest(points);
    QVERIFY(close(*suggestions.steep, 4.0));
    QVERIFY(close(*suggestions.minimum, 1.6)); // 16 / 10
}

void TestLrFinder::onePassWindowSkipsTheEnds()
{
    // 100 points, a spurious low loss inside the first 10 and inside the last 5: fastai's window
    // [10, 95) ignores both, so `minimum` is the true one at index 60.
    std::vector<LrPoint> points;
    for (int i = 0; i < 100; ++i) {
        double loss = 2.0 - 0.01 * std::min(i, 60) + 0.02 * std::max(0, i - 60);
        if (i == 3 || i == 97)
            loss = 0.1;
        points.push_back(LrPoint{1e-7 * std::pow(1e8, i / 100.0), loss, loss, false});
    }
    const LrSuggestions suggestions = LrSuggester::onePass(points, 100);
    QVERIFY(close(*suggestions.lossMinimumRate, points[60].learningRate));
    QVERIFY(suggestions.valley && suggestions.steep);
    // Recommended: the lower of minimum and steep (this linear fall is steepest at its start).
    QCOMPARE(*suggestions.recommended, std::min(*suggestions.minimum, *suggestions.steep));
    QCOMPARE(suggestions.method, std::string(*suggestions.steep < *suggestions.minimum ? "steep" : "minimum"));

    // A run that stopped after 8 points leaves fastai's window empty: all points are used.
    points.resize(8);
    const LrSuggestions early = LrSuggester::onePass(points, 100);
    QVERIFY(close(*early.lossMinimumRate, points[3].learningRate));
}

void TestLrFinder::trainedRangeTest()
{
    const TrainingData data = testing::blobData(240, 60, 60);
    const ModelSpec spec = testing::blobSpec();
    RangeTestOptions options;
    options.start = 1e-4;
    options.factor = 4.0;
    options.steps = 6;
    options.fraction = 0.5;
    options.seed = 3;
    std::vector<double> fractions;
    auto first = RangeTest(options).train(spec, data, nullptr, [&](const Progress &progress) {
        fractions.push_back(progress.fraction);
        return ProgressAction::Continue;
    });
    QVERIFY2(first.isOk(), first.message().c_str());
    const LrFindResult &result = first.value();
    QCOMPARE(result.points.size(), std::size_t(6));
    QVERIFY(!fractions.empty() && close(fractions.back(), 1.0));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    for (const LrPoint &point : result.points)
        QVERIFY(!point.diverged && std::isfinite(point.loss) && point.loss > 0.0);
    // Slow rates barely move from the initial loss (about ln 3 = 1.0986); the best rate learns
    // (over seeds 0..11 the best run ends 9-15% below the slowest).
    QVERIFY(result.points.front().loss > 0.9);
    QVERIFY(std::min_element(result.points.begin(), result.points.end(), [](const auto &a, const auto &b) {
               return a.loss < b.loss;
           })->loss < 0.95 * result.points.front().loss);
    QVERIFY(result.suggestions.recommended.has_value());
    // Same seed, same curve.
    auto second = RangeTest(options).train(spec, data);
    QVERIFY(second.isOk());
    for (std::size_t i = 0; i < result.points.size(); ++i)
        QCOMPARE(second.value().points[i].loss, result.points[i].loss);
}

void TestLrFinder::trainedRangeTestRecordsDivergence()
{
    const TrainingData data = testing::blobData(120, 30, 30);
    RangeTestOptions options;
    options.start = 1e-3;
    options.factor = 1e3;
    options.steps = 4; // 1e-3, 1, 1e3, 1e6 (the largest rate a spec allows) with plain SGD
    auto result = RangeTest(options).train(testing::blobSpec(), data);
    QVERIFY2(result.isOk(), result.message().c_str());
    const std::vector<LrPoint> &points = result.value().points;
    QCOMPARE(points.size(), std::size_t(4));
    QVERIFY(!points[0].diverged);
    QVERIFY(points[3].diverged);
    QVERIFY(std::isnan(points[3].loss));
    // Suggestions come from the points before the first divergence only.
    std::size_t firstDiverged = 0;
    while (!points[firstDiverged].diverged)
        ++firstDiverged;
    const double suggested = *result.value().suggestions.lossMinimumRate;
    QVERIFY(suggested < points[firstDiverged].learningRate);
    QVERIFY(std::any_of(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(firstDiverged),
                        [&](const LrPoint &point) { return point.learningRate == suggested; }));
}

void TestLrFinder::trainedOnePass()
{
    const TrainingData data = testing::blobData(800, 60, 60);
    OnePassOptions options;
    options.iterations = 0; // one epoch: 800 / 16 = 50 batches
    options.start = 1e-5;
    options.end = 1e3;
    options.seed = 4;
    OnePassFinder finder(options);
    auto result = finder.train(testing::blobSpec(), data);
    QVERIFY2(result.isOk(), result.message().c_str());
    const std::vector<LrPoint> &points = result.value().points;
    QVERIFY(!points.empty() && points.size() <= 50);
    QVERIFY(close(points.front().learningRate, 1e-5));
    for (std::size_t i = 1; i < points.size(); ++i)
        QVERIFY(points[i].learningRate > points[i - 1].learningRate);
    // SGD at rates up to 1e3 blows up before the epoch ends: the last point is the divergence.
    QVERIFY2(points.back().diverged, qPrintable(QString::number(points.size())));
    QVERIFY(result.value().suggestions.valley.has_value());
    QVERIFY(*result.value().suggestions.valley < points.back().learningRate);
}

QTEST_APPLESS_MAIN(TestLrFinder)
#include "tst_lrfinder.moc"
