// Snapshot ensembles: the probability averaging and scoring by hand, the cyclic schedule's
// snapshot points, K chosen on validation rows, and on a fixed seed with a tiny data set the
// ensemble beats its worst snapshot.
#include "LrTestData.h"

#include "core/lr/EnsembleAverage.h"
#include "core/lr/SnapshotEnsemble.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

Matrix rows(std::initializer_list<std::initializer_list<float>> values)
{
    Matrix m(static_cast<Index>(values.size()), static_cast<Index>(values.begin()->size()));
    Index r = 0;
    for (const auto &row : values) {
        Index c = 0;
        for (float value : row)
            m(r, c++) = value;
        ++r;
    }
    return m;
}

SnapshotOptions tinyOptions()
{
    SnapshotOptions options;
    options.cycles = 4;
    options.epochs = 8;
    options.lr0 = 0.3;
    options.seed = 21;
    return options;
}

} // namespace

class TestSnapshotEnsemble : public QObject {
    Q_OBJECT

private slots:
    void meanOfTheLastK();
    void accuracyAndLogLoss();
    void binaryColumn();
    void snapshotsAtCycleEnds();
    void ensembleBeatsItsWorstSnapshot();
    void sameSeedSameReport();
    void refusesWhatItCannotDo_data();
    void refusesWhatItCannotDo();
    void cancelStops();
};

void TestSnapshotEnsemble::meanOfTheLastK()
{
    const std::vector<Matrix> members{rows({{0.2f, 0.8f}, {0.6f, 0.4f}}), rows({{0.6f, 0.4f}, {0.2f, 0.8f}}),
                                      rows({{1.0f, 0.0f}, {0.0f, 1.0f}})};
    QVERIFY(EnsembleAverage::mean(members, 0, 2).isApprox(rows({{0.4f, 0.6f}, {0.4f, 0.6f}})));
    QVERIFY(EnsembleAverage::mean(members, 1, 2).isApprox(rows({{0.8f, 0.2f}, {0.1f, 0.9f}})));
    QVERIFY(EnsembleAverage::mean(members, 2, 1).isApprox(members[2]));
    QVERIFY(EnsembleAverage::mean(members, 0, 3).isApprox(rows({{0.6f, 0.4f}, {0.8f / 3, 2.2f / 3}})));
}

void TestSnapshotEnsemble::accuracyAndLogLoss()
{
    const Matrix probabilities = rows({{0.5f, 0.5f}, {0.9f, 0.1f}, {0.2f, 0.8f}});
    const Matrix targets = rows({{1, 0}, {1, 0}, {1, 0}});
    // Row 1 is a tie (first column wins, right), row 2 right, row 3 wrong: 2/3.
    QCOMPARE(EnsembleAverage::accuracy(probabilities, viewOf(targets)), 2.0 / 3.0);
    // -(ln 0.5 + ln 0.9 + ln 0.2) / 3 = (0.693147 + 0.105361 + 1.609438) / 3 = 0.802649
    QVERIFY(std::fabs(EnsembleAverage::logLoss(probabilities, viewOf(targets)) - 0.8026487) < 1e-6);
    // A zero probability is clamped to 1e-7, not -inf: -ln(1e-7) = 16.118.
    const Matrix sure = rows({{0.0f, 1.0f}});
    const Matrix truth = rows({{1, 0}});
    QVERIFY(std::fabs(EnsembleAverage::logLoss(sure, viewOf(truth)) - 16.1180957) < 1e-5);
}

void TestSnapshotEnsemble::binaryColumn()
{
    const Matrix probabilities = rows({{0.8f}, {0.3f}, {0.6f}});
    const Matrix targets = rows({{1}, {0}, {0}});
    QCOMPARE(EnsembleAverage::accuracy(probabilities, viewOf(targets)), 2.0 / 3.0);
    // -(ln 0.8 + ln 0.7 + ln 0.4) / 3 = (0.223144 + 0.356675 + 0.916291) / 3 = 0.498703
    QVERIFY(std::fabs(EnsembleAverage::logLoss(probabilities, viewOf(targets)) - 0.4987032) < 1e-6);
}

void TestSnapshotEnsemble::snapshotsAtCycleEnds()
{
    // 600 rows / batch 16 = 38 steps per epoch; 8 epochs = 304 steps; 4 cycles of 76.
    const TrainingData data = testing::blobData(600, 200, 400);
    auto report = SnapshotEnsemble::run(testing::blobSpec(), data, tinyOptions());
    QVERIFY2(report.isOk(), report.message().c_str());
    const SnapshotReport &r = report.value();
    QVERIFY2(r.status.isOk(), r.status.message().c_str());
    QCOMPARE(r.stepsPerEpoch, 38);
    QCOMPARE(r.totalIterations, std::int64_t(304));
    QCOMPARE(r.cycleLength, std::int64_t(76));
    QCOMPARE(r.lr0, 0.3);
    QCOMPARE(r.snapshots.size(), std::size_t(4));
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(r.snapshots[i].index, i + 1);
        QCOMPARE(r.snapshots[i].iteration, std::int64_t(76) * (i + 1));
        QVERIFY(r.snapshots[i].completeCycle);
    }
    QCOMPARE(r.candidates.size(), std::size_t(4));
    QVERIFY(r.chosenSize >= 1 && r.chosenSize <= 4);
    for (const EnsembleCandidate &candidate : r.candidates)
        QVERIFY(candidate.validation.accuracy <= r.ensembleValidation.accuracy);
    QVERIFY(r.singleModelTest && r.singleModelValidation);
    QVERIFY(r.singleModelStatus.isOk());

    // 7 cycles do not divide 304 steps: cycles of ceil(304/7) = 44, six complete (264 steps),
    // then a shortened one saved at the end of the run.
    SnapshotOptions uneven = tinyOptions();
    uneven.cycles = 7;
    uneven.baseline = SingleModelBaseline::Skip;
    auto shortened = SnapshotEnsemble::run(testing::blobSpec(), data, uneven);
    QVERIFY2(shortened.isOk(), shortened.message().c_str());
    QCOMPARE(shortened.value().cycleLength, std::int64_t(44));
    QCOMPARE(shortened.value().snapshots.size(), std::size_t(7));
    QCOMPARE(shortened.value().snapshots.back().iteration, std::int64_t(304));
    QVERIFY(!shortened.value().snapshots.back().completeCycle);
    QVERIFY(shortened.value().snapshots[5].completeCycle);
    QVERIFY(!shortened.value().singleModelTest);
}

void TestSnapshotEnsemble::ensembleBeatsItsWorstSnapshot()
{
    // 300 noisy training rows, 24 epochs in 4 cycles from a high rate: the snapshots disagree
    // enough for averaging to pay. Fixed seed; the figures are printed for the record.
    const TrainingData data = testing::blobData(300, 200, 400, 1.0);
    SnapshotOptions options = tinyOptions();
    options.epochs = 24;
    options.lr0 = 1.0;
    options.seed = 22;
    auto report = SnapshotEnsemble::run(testing::blobSpec(), data, options);
    QVERIFY2(report.isOk(), report.message().c_str());
    const SnapshotReport &r = report.value();
    double worst = 1.0;
    for (const SnapshotScore &snapshot : r.snapshots) {
        qInfo("snapshot %d: validation %.4f, test %.4f", snapshot.index, snapshot.validation.accuracy,
              snapshot.test.accuracy);
        worst = std::min(worst, snapshot.test.accuracy);
    }
    qInfo("ensemble of the last %d: test %.4f (loss %.4f); single model: test %.4f", r.chosenSize,
          r.ensembleTest.accuracy, r.ensembleTest.loss, r.singleModelTest->accuracy);
    QVERIFY2(r.chosenSize >= 2, "validation chose a real average");
    QVERIFY2(r.ensembleTest.accuracy > worst,
             qPrintable(QStringLiteral("ensemble %1 vs worst snapshot %2").arg(r.ensembleTest.accuracy).arg(worst)));

    // Cross-entropy is convex in the probabilities, so the average of K members never scores
    // worse than the members' mean score (Jensen); a wrong average would break this.
    for (const EnsembleCandidate &candidate : r.candidates) {
        double members = 0.0;
        for (int i = 0; i < candidate.size; ++i)
            members += r.snapshots[r.snapshots.size() - 1 - static_cast<std::size_t>(i)].validation.loss;
        QVERIFY(candidate.validation.loss <= members / candidate.size + 1e-6);
    }
}

void TestSnapshotEnsemble::sameSeedSameReport()
{
    const TrainingData data = testing::blobData(200, 60, 60);
    SnapshotOptions options = tinyOptions();
    options.epochs = 4;
    options.cycles = 2;
    auto a = SnapshotEnsemble::run(testing::blobSpec(), data, options);
    auto b = SnapshotEnsemble::run(testing::blobSpec(), data, options);
    QVERIFY(a.isOk() && b.isOk());
    QCOMPARE(a.value().ensembleTest.loss, b.value().ensembleTest.loss);
    QCOMPARE(a.value().snapshots.back().validation.loss, b.value().snapshots.back().validation.loss);
    QCOMPARE(a.value().singleModelTest->loss, b.value().singleModelTest->loss);
}

void TestSnapshotEnsemble::refusesWhatItCannotDo_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("no validation rows") << "no-validation" << "validation:";
    QTest::newRow("regression") << "regression" << "target:";
    QTest::newRow("more cycles than steps") << "cycles" << "cycles: 1000 cycles need at least as many";
    QTest::newRow("zero cycles") << "zero-cycles" << "cycles: expected an integer >= 1";
    QTest::newRow("zero epochs") << "zero-epochs" << "epochs: expected an integer >= 1";
    QTest::newRow("negative lr0") << "lr0" << "lr0: expected a learning rate in [1.17549e-38, 1e+06], got -0.1";
}

void TestSnapshotEnsemble::refusesWhatItCannotDo()
{
    QFETCH(QString, what);
    QFETCH(QString, prefix);
    TrainingData data = testing::blobData(64, 32, 32);
    SnapshotOptions options = tinyOptions();
    if (what == "no-validation")
        data.validation = TrainingSet();
    else if (what == "regression")
        data.task = TaskKind::Regression;
    else if (what == "cycles")
        options.cycles = 1000; // 64 / 16 * 8 = 32 steps
    else if (what == "zero-cycles")
        options.cycles = 0;
    else if (what == "zero-epochs")
        options.epochs = 0;
    else
        options.lr0 = -0.1;
    auto report = SnapshotEnsemble::run(testing::blobSpec(), data, options);
    QVERIFY(!report.isOk());
    QCOMPARE(report.status().code(), StatusCode::InvalidInput);
    QVERIFY2(QString::fromStdString(report.message()).startsWith(prefix), report.message().c_str());
}

void TestSnapshotEnsemble::cancelStops()
{
    const TrainingData data = testing::blobData(600, 200, 400);
    int calls = 0;
    auto report = SnapshotEnsemble::run(testing::blobSpec(), data, tinyOptions(), nullptr, [&](const Progress &) {
        return ++calls > 10 ? ProgressAction::Stop : ProgressAction::Continue;
    });
    QVERIFY(report.isOk());
    QVERIFY(report.value().status.isCancelled());
    QVERIFY(report.value().snapshots.empty());
}

QTEST_APPLESS_MAIN(TestSnapshotEnsemble)
#include "tst_snapshotensemble.moc"
