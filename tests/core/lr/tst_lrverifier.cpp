// Judging learning rates by training (LrVerifier) and the scores it measures (OutcomeScores): the
// neighbour rates, option checks, ordering and cancellation on an injected trainer, the means over
// seeds, the scores on hand-made predictions, and a real verification on the seeded blobs.
#include "LrTestData.h"

#include "core/lr/LrVerifier.h"
#include "core/lr/LrVerifyJson.h"
#include "core/lr/OutcomeScores.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

bool near(double actual, double expected, double tolerance = 1e-9)
{
    return std::fabs(actual - expected) <= tolerance * std::max(1.0, std::fabs(expected));
}

Matrix rowsOf(int columns, const std::vector<float> &values)
{
    Matrix matrix(static_cast<Index>(values.size()) / columns, columns);
    for (Index i = 0; i < matrix.size(); ++i)
        matrix.data()[i] = values[static_cast<std::size_t>(i)];
    return matrix;
}

LrVerifyPoint fakePoint(double rate, std::uint64_t seed, double accuracy, bool diverged = false)
{
    LrVerifyPoint point;
    point.learningRate = rate;
    point.seed = seed;
    point.diverged = diverged;
    point.loss = diverged ? std::nan("") : 1.0 - accuracy;
    if (!diverged)
        point.scores = OutcomeScores {accuracy, accuracy, std::nullopt};
    return point;
}

} // namespace

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<float>)

class TestLrVerifier : public QObject {
    Q_OBJECT

private slots:
    void around_data();
    void around();
    void validate_data();
    void validate();
    void runsRateMajorAndObserves();
    void cancelKeepsFinishedRuns();
    void summariesAverageOverSeeds();
    void scores_data();
    void scores();
    void trainedOnBlobs();
    void noRowsToMeasureIsInvalid();
};

void TestLrVerifier::around_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("factor");
    QTest::addColumn<int>("each");
    QTest::addColumn<std::vector<double>>("expected");
    QTest::newRow("x/3 once") << 3e-4 << 3.0 << 1 << std::vector<double> {1e-4, 3e-4, 9e-4};
    QTest::newRow("x/2 twice") << 1.0 << 2.0 << 2 << std::vector<double> {0.25, 0.5, 1.0, 2.0, 4.0};
    QTest::newRow("only the rate") << 0.01 << 3.0 << 0 << std::vector<double> {0.01};
}

void TestLrVerifier::around()
{
    QFETCH(double, rate);
    QFETCH(double, factor);
    QFETCH(int, each);
    QFETCH(std::vector<double>, expected);
    const std::vector<double> rates = LrVerifier::around(rate, factor, each);
    QCOMPARE(rates.size(), expected.size());
    for (std::size_t i = 0; i < rates.size(); ++i)
        QVERIFY2(near(rates[i], expected[i]), qPrintable(QString::number(rates[i])));
}

void TestLrVerifier::validate_data()
{
    QTest::addColumn<std::vector<double>>("rates");
    QTest::addColumn<int>("seeds");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("fine") << std::vector<double> {1e-3, 1e-2} << 3 << QString();
    QTest::newRow("no rates") << std::vector<double> {} << 1 << QStringLiteral("rates: expected 1 to 100");
    QTest::newRow("zero rate") << std::vector<double> {0.0} << 1 << QStringLiteral("rates: expected each");
    QTest::newRow("negative rate") << std::vector<double> {1e-3, -1.0} << 1 << QStringLiteral("rates: expected each");
    QTest::newRow("NaN rate") << std::vector<double> {std::nan("")} << 1 << QStringLiteral("rates: expected each");
    QTest::newRow("101 rates") << std::vector<double>(101, 1e-3) << 1 << QStringLiteral("rates: expected 1 to 100");
    QTest::newRow("no seeds") << std::vector<double> {1e-3} << 0 << QStringLiteral("seeds: expected 1 to 20");
    QTest::newRow("21 seeds") << std::vector<double> {1e-3} << 21 << QStringLiteral("seeds: expected 1 to 20");
}

void TestLrVerifier::validate()
{
    QFETCH(std::vector<double>, rates);
    QFETCH(int, seeds);
    QFETCH(QString, prefix);
    LrVerifyOptions options;
    options.rates = rates;
    for (int i = 0; i < seeds; ++i)
        options.seeds.push_back(std::uint64_t(i));
    const Status status = LrVerifier::validate(options);
    if (prefix.isEmpty()) {
        QVERIFY2(status.isOk(), status.message().c_str());
        return;
    }
    QVERIFY(!status.isOk());
    QVERIFY2(QString::fromStdString(status.message()).startsWith(prefix), status.message().c_str());
}

void TestLrVerifier::runsRateMajorAndObserves()
{
    LrVerifier verifier(LrVerifyOptions {{1e-3, 1e-2}, {7, 8, 9}});
    std::vector<std::pair<double, std::uint64_t>> observed;
    verifier.setPointObserver([&](const LrVerifyPoint &point) { observed.emplace_back(point.learningRate, point.seed); });
    std::vector<double> fractions;
    const LrVerifyResult result = verifier.run(
        [](double rate, std::uint64_t seed, const std::function<ProgressAction(double)> &progress) {
            progress(0.5);
            return std::optional<LrVerifyPoint>(fakePoint(rate, seed, 0.5));
        },
        nullptr,
        [&](const Progress &progress) {
            fractions.push_back(progress.fraction);
            return ProgressAction::Continue;
        });
    QVERIFY(result.status.isOk());
    const std::vector<std::pair<double, std::uint64_t>> expected {{1e-3, 7}, {1e-3, 8}, {1e-3, 9},
                                                                  {1e-2, 7}, {1e-2, 8}, {1e-2, 9}};
    QCOMPARE(observed, expected);
    QCOMPARE(result.points.size(), std::size_t(6));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QVERIFY(near(fractions.back(), 1.0));
}

void TestLrVerifier::cancelKeepsFinishedRuns()
{
    CancellationToken token;
    int calls = 0;
    const LrVerifyResult result = LrVerifier(LrVerifyOptions {{1e-3, 1e-2, 1e-1}, {1}})
                                      .run(
                                          [&](double rate, std::uint64_t seed, const auto &) {
                                              if (++calls == 2)
                                                  token.cancel(); // during the second run: it ends cancelled
                                              return calls == 2 ? std::nullopt
                                                                : std::optional<LrVerifyPoint>(fakePoint(rate, seed, 0.7));
                                          },
                                          &token);
    QVERIFY(result.status.isCancelled());
    QCOMPARE(calls, 2);
    QCOMPARE(result.points.size(), std::size_t(1));
    QCOMPARE(lrVerifyResultJson(result)["status"].get<std::string>(), std::string("cancelled"));
}

void TestLrVerifier::summariesAverageOverSeeds()
{
    LrVerifyResult result;
    result.points = {fakePoint(1e-3, 1, 0.80), fakePoint(1e-3, 2, 0.84), fakePoint(1e-3, 3, 0.82),
                     fakePoint(1e-1, 1, 0.0, true), fakePoint(1e-1, 2, 0.30)};
    const std::vector<LrVerifySummary> rates = result.summaries();
    QCOMPARE(rates.size(), std::size_t(2));
    QCOMPARE(rates[0].runs, 3);
    QVERIFY(near(rates[0].meanAccuracy, 0.82));
    QVERIFY(near(rates[0].accuracySpread, 0.04));
    QVERIFY(std::isnan(rates[0].meanAveragePrecision));
    QCOMPARE(rates[1].runs, 2);
    QCOMPARE(rates[1].diverged, 1);
    QVERIFY(near(rates[1].meanAccuracy, 0.30)); // the diverged run is left out of the mean
    const auto json = lrVerifyResultJson(result);
    QCOMPARE(json["runs"].size(), std::size_t(5));
    QVERIFY(json["runs"][3]["loss"].is_null());
    QCOMPARE(json["rates"].size(), std::size_t(2));
}

void TestLrVerifier::scores_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<std::vector<float>>("predictions");
    QTest::addColumn<std::vector<float>>("targets");
    QTest::addColumn<double>("accuracy");
    QTest::addColumn<double>("balanced");
    QTest::addColumn<double>("averagePrecision"); // NaN: none

    // 4 negatives, 1 positive; always "negative": 0.8 accurate, 0.5 balanced; the positive's score
    // (0.15) ranks 4th of 5: average precision 1/4.
    QTest::newRow("majority answer") << 2 << std::vector<float> {0.9f, 0.1f, 0.8f, 0.2f, 0.7f, 0.3f, 0.6f, 0.4f, 0.85f, 0.15f}
                                     << std::vector<float> {1, 0, 1, 0, 1, 0, 1, 0, 0, 1} << 0.8 << 0.5 << 0.25;
    QTest::newRow("perfect two classes") << 2 << std::vector<float> {0.9f, 0.1f, 0.2f, 0.8f, 0.7f, 0.3f}
                                         << std::vector<float> {1, 0, 0, 1, 1, 0} << 1.0 << 1.0 << 1.0;
    // Sigmoid column: positives at ranks 1 and 3 -> AP (1/1 + 2/3) / 2.
    QTest::newRow("one sigmoid column") << 1 << std::vector<float> {0.9f, 0.6f, 0.55f, 0.1f}
                                        << std::vector<float> {1, 0, 1, 0} << 0.75 << 0.75 << (1.0 + 2.0 / 3.0) / 2.0;
    // Tied scores give the positive no credit over the negative tied with it: rank 2 -> AP 0.5.
    QTest::newRow("ties are pessimistic") << 1 << std::vector<float> {0.5f, 0.5f} << std::vector<float> {1, 0}
                                          << 0.5 << 0.5 << 0.5;
    // Three classes (recalls 1, 0.5, 0): balanced 0.5; no average precision.
    QTest::newRow("three classes") << 3
                                   << std::vector<float> {1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0}
                                   << std::vector<float> {1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1}
                                   << 0.5 << 0.5 << std::nan("");
    QTest::newRow("no positives") << 2 << std::vector<float> {0.9f, 0.1f, 0.6f, 0.4f}
                                  << std::vector<float> {1, 0, 1, 0} << 1.0 << 1.0 << std::nan("");
}

void TestLrVerifier::scores()
{
    QFETCH(int, columns);
    QFETCH(std::vector<float>, predictions);
    QFETCH(std::vector<float>, targets);
    QFETCH(double, accuracy);
    QFETCH(double, balanced);
    QFETCH(double, averagePrecision);
    const Matrix p = rowsOf(columns, predictions);
    const Matrix t = rowsOf(columns, targets);
    const OutcomeScores scores = OutcomeScores::measure(ConstMatrixView(p.data(), p.rows(), p.cols()),
                                                        ConstMatrixView(t.data(), t.rows(), t.cols()));
    QVERIFY2(near(scores.accuracy, accuracy), qPrintable(QString::number(scores.accuracy)));
    QVERIFY2(near(scores.balancedAccuracy, balanced), qPrintable(QString::number(scores.balancedAccuracy)));
    if (std::isnan(averagePrecision)) {
        QVERIFY(!scores.averagePrecision);
    } else {
        QVERIFY(scores.averagePrecision);
        QVERIFY2(near(*scores.averagePrecision, averagePrecision), qPrintable(QString::number(*scores.averagePrecision)));
    }
}

void TestLrVerifier::trainedOnBlobs()
{
    const TrainingData data = testing::blobData(240, 60, 90);
    ModelSpec spec = testing::blobSpec();
    spec.epochs = 3;
    LrVerifyOptions options {{1e-4, 0.1, 1e6}, {1, 2}};
    std::vector<double> fractions;
    auto verified = LrVerifier(options).train(spec, data, nullptr, [&](const Progress &progress) {
        fractions.push_back(progress.fraction);
        return ProgressAction::Continue;
    });
    QVERIFY2(verified.isOk(), verified.message().c_str());
    const LrVerifyResult &result = verified.value();
    QCOMPARE(result.measuredOn, std::string("test"));
    QCOMPARE(result.points.size(), std::size_t(6));
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    const std::vector<LrVerifySummary> rates = result.summaries();
    QCOMPARE(rates.size(), std::size_t(3));
    // 1e-4 with SGD barely moves off chance (3 classes); 0.1 learns the blobs; 1e6 diverges.
    QVERIFY2(rates[1].meanAccuracy > rates[0].meanAccuracy + 0.1,
             qPrintable(QStringLiteral("%1 vs %2").arg(rates[1].meanAccuracy).arg(rates[0].meanAccuracy)));
    QVERIFY(rates[1].meanAccuracy > 0.6);
    QCOMPARE(rates[2].diverged, 2);
    for (const LrVerifyPoint &point : result.points) {
        if (!point.diverged) {
            QVERIFY(point.scores);
            QVERIFY(!point.scores->averagePrecision); // three classes
            QVERIFY(std::isfinite(point.loss) && std::isfinite(point.trainLoss));
        }
    }
    // Same seeds, same outcome.
    auto again = LrVerifier(options).train(spec, data);
    QVERIFY(again.isOk());
    QCOMPARE(again.value().points[2].loss, result.points[2].loss);
}

void TestLrVerifier::noRowsToMeasureIsInvalid()
{
    TrainingData data = testing::blobData(60, 10, 10);
    data.validation = TrainingSet();
    data.test = TrainingSet();
    auto verified = LrVerifier(LrVerifyOptions {{0.1}, {1}}).train(testing::blobSpec(), data);
    QVERIFY(!verified.isOk());
    QVERIFY2(verified.message().rfind("data: no test or validation rows", 0) == 0, verified.message().c_str());
}

QTEST_GUILESS_MAIN(TestLrVerifier)
#include "tst_lrverifier.moc"
