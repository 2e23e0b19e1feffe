// Imbalanced class targets (ClassBalance, ClassificationMetrics, TrainingDataService): balanced
// weights n / (k n_c), oversampling and undersampling of the training rows only (validation and
// test rows untouched, same seed same rows), the refusal for a regression target naming the
// parameter, and the metrics that mean something on imbalanced data, against hand-computed values.

#include "core/data/CsvReader.h"
#include "core/train/ClassBalance.h"
#include "core/train/ClassificationMetrics.h"
#include "core/train/FeaturePlanner.h"
#include "core/train/TrainingDataService.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

using Counts = QList<qsizetype>;

// One 0/1 target column: counts[0] rows of class 0 then counts[1] of class 1 (or one-hot columns).
TrainingSet labelledSet(const Counts &counts)
{
    std::vector<std::uint8_t> labels;
    for (qsizetype c = 0; c < counts.size(); ++c)
        labels.insert(labels.end(), std::size_t(counts[c]), std::uint8_t(c));
    std::vector<float> features(labels.size());
    for (std::size_t i = 0; i < features.size(); ++i)
        features[i] = float(i);
    return TrainingSet::fromLabels(std::move(features), 1, labels, Index(counts.size())).takeValue();
}

// 200 rows: an amount and a flag that is 1 in every tenth row (10 %) and one in 50 otherwise.
std::shared_ptr<const Table> fraudTable(bool numberTarget = false)
{
    std::string csv = "amount,hour,is_fraud\n";
    for (int row = 0; row < 200; ++row) {
        const bool fraud = row % 10 == 0;
        csv += std::to_string(fraud ? 900 + row : 20 + row % 37) + "," + std::to_string(row % 24) + ","
               + (numberTarget ? std::to_string(row * 0.5) : std::string(fraud ? "true" : "false")) + "\n";
    }
    auto report = CsvReader().readBuffer(csv, "fraud.csv");
    if (!report.isOk())
        qFatal("fraud CSV does not parse: %s", report.message().c_str());
    return std::make_shared<const Table>(report.takeValue().table);
}

ModelSpec binarySpec()
{
    auto spec = ModelSpec::parse(R"({"layers": [{"type": "dense", "units": 2, "activation": "softmax"}],
                                     "loss": "categorical_crossentropy", "seed": 9})");
    if (!spec.isOk())
        qFatal("spec: %s", spec.message().c_str());
    return spec.takeValue();
}

TrainingDataRequest fraudRequest()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.table = fraudTable();
    request.tableName = "fraud.csv";
    request.target = "is_fraud";
    request.testFraction = 0.2;
    request.validationFraction = 0.2;
    return request;
}

} // namespace

class TestClassBalance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void balancedWeights_data();
    void balancedWeights();
    void resampleEvensTheClasses_data();
    void resampleEvensTheClasses();
    void resampleIsSeeded();
    void serviceResamplesTrainingRowsOnly_data();
    void serviceResamplesTrainingRowsOnly();
    void serviceRefusesRegression_data();
    void serviceRefusesRegression();
    void planSuggestsWeights();
    void names_data();
    void names();
    void metricsByHand();
    void averagePrecision_data();
    void averagePrecision();
};

void TestClassBalance::balancedWeights_data()
{
    QTest::addColumn<Counts>("counts");
    QTest::addColumn<QList<double>>("expected");
    QTest::newRow("even") << Counts{5, 5} << QList<double>{1.0, 1.0};
    QTest::newRow("one-in-ten") << Counts{90, 10} << QList<double>{100.0 / 180.0, 100.0 / 20.0};
    QTest::newRow("three-classes") << Counts{60, 30, 10} << QList<double>{100.0 / 180.0, 100.0 / 90.0, 100.0 / 30.0};
    QTest::newRow("empty-class-gets-0") << Counts{8, 0, 2} << QList<double>{10.0 / 16.0, 0.0, 10.0 / 4.0};
}

void TestClassBalance::balancedWeights()
{
    QFETCH(Counts, counts);
    QFETCH(QList<double>, expected);
    const std::vector<float> weights = ClassBalance::balancedWeights(std::vector<std::size_t>(counts.begin(), counts.end()));
    QCOMPARE(weights.size(), std::size_t(expected.size()));
    for (std::size_t c = 0; c < weights.size(); ++c)
        QVERIFY2(std::abs(weights[c] - expected[qsizetype(c)]) < 1e-6, qPrintable(QString::number(c)));
    // The weighted row count stays n: sum_c n_c w_c = n.
    double weighted = 0.0;
    double rows = 0.0;
    for (std::size_t c = 0; c < weights.size(); ++c) {
        weighted += double(weights[c]) * double(counts[qsizetype(c)]);
        rows += double(counts[qsizetype(c)]);
    }
    QVERIFY(std::abs(weighted - rows) < 1e-4);
}

void TestClassBalance::resampleEvensTheClasses_data()
{
    QTest::addColumn<Counts>("counts");
    QTest::addColumn<int>("method");
    QTest::addColumn<Counts>("expected");
    QTest::newRow("oversample") << Counts{90, 10} << int(Resampling::Oversample) << Counts{90, 90};
    QTest::newRow("undersample") << Counts{90, 10} << int(Resampling::Undersample) << Counts{10, 10};
    QTest::newRow("oversample-3") << Counts{50, 7, 3} << int(Resampling::Oversample) << Counts{50, 50, 50};
    QTest::newRow("undersample-skips-empty") << Counts{50, 0, 3} << int(Resampling::Undersample) << Counts{3, 0, 3};
    QTest::newRow("none") << Counts{90, 10} << int(Resampling::None) << Counts{90, 10};
}

void TestClassBalance::resampleEvensTheClasses()
{
    QFETCH(Counts, counts);
    QFETCH(int, method);
    QFETCH(Counts, expected);
    const TrainingSet data = labelledSet(counts);
    const TrainingSet resampled = ClassBalance::resample(data, std::size_t(counts.size()), Resampling(method), 4);
    const auto after = ClassBalance::classCounts(resampled, std::size_t(counts.size()));
    QCOMPARE(Counts(after.begin(), after.end()), expected);
    // Every row is one of the original rows with its own target (feature i belongs to label of row i).
    const auto originalClasses = ClassBalance::rowClasses(data.targets());
    const auto resampledClasses = ClassBalance::rowClasses(resampled.targets());
    for (Index r = 0; r < resampled.size(); ++r) {
        const auto source = std::size_t(resampled.features()(r, 0));
        QCOMPARE(resampledClasses[std::size_t(r)], originalClasses[source]);
    }
}

void TestClassBalance::resampleIsSeeded()
{
    const TrainingSet data = labelledSet({40, 6});
    for (Resampling method : {Resampling::Oversample, Resampling::Undersample}) {
        const TrainingSet a = ClassBalance::resample(data, 2, method, 11);
        const TrainingSet b = ClassBalance::resample(data, 2, method, 11);
        const TrainingSet c = ClassBalance::resample(data, 2, method, 12);
        QVERIFY(a.features() == b.features());
        QVERIFY(!(a.features() == c.features()));
    }
}

void TestClassBalance::serviceResamplesTrainingRowsOnly_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("weighting");
    QTest::newRow("oversample") << int(Resampling::Oversample) << int(ClassWeighting::None);
    QTest::newRow("undersample") << int(Resampling::Undersample) << int(ClassWeighting::None);
    QTest::newRow("balanced-weights") << int(Resampling::None) << int(ClassWeighting::Balanced);
    QTest::newRow("both") << int(Resampling::Oversample) << int(ClassWeighting::Balanced);
}

void TestClassBalance::serviceResamplesTrainingRowsOnly()
{
    QFETCH(int, method);
    QFETCH(int, weighting);
    const ModelSpec spec = binarySpec();
    auto plain = TrainingDataService::prepare(fraudRequest(), spec);
    QVERIFY2(plain.isOk(), plain.message().c_str());
    TrainingDataRequest request = fraudRequest();
    request.resampling = Resampling(method);
    request.classWeighting = ClassWeighting(weighting);
    auto data = TrainingDataService::prepare(request, spec);
    QVERIFY2(data.isOk(), data.message().c_str());
    QVERIFY(data.value().validation.features() == plain.value().validation.features());
    QVERIFY(data.value().test.features() == plain.value().test.features());
    QVERIFY(data.value().classBalance.has_value());
    const ClassBalance &balance = *data.value().classBalance;
    QVERIFY(balance.countsBefore == plain.value().classBalance->countsBefore);
    QVERIFY(balance.countsAfter == ClassBalance::classCounts(data.value().train, data.value().classLabels.size()));
    if (Resampling(method) != Resampling::None)
        QCOMPARE(balance.countsAfter[0], balance.countsAfter[1]);
    QCOMPARE(balance.weights.empty(), ClassWeighting(weighting) == ClassWeighting::None);
    if (!balance.weights.empty())
        QVERIFY(balance.weights == ClassBalance::balancedWeights(balance.countsAfter));
    const auto json = balance.toJson();
    QCOMPARE(json["resample"].get<std::string>(), std::string(resamplingName(Resampling(method))));
    QCOMPARE(json["class_weight"].get<std::string>(), std::string(classWeightingName(ClassWeighting(weighting))));
    QCOMPARE(data.value().featurePlan->toJson()["class_weight"].get<std::string>(), json["class_weight"].get<std::string>());
}

void TestClassBalance::serviceRefusesRegression_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("weighting");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("class-weight") << int(Resampling::None) << int(ClassWeighting::Balanced) << "class_weight:";
    QTest::newRow("resample") << int(Resampling::Oversample) << int(ClassWeighting::None) << "resample:";
}

void TestClassBalance::serviceRefusesRegression()
{
    QFETCH(int, method);
    QFETCH(int, weighting);
    QFETCH(QString, parameter);
    TrainingDataRequest request = fraudRequest();
    request.table = fraudTable(true);
    request.resampling = Resampling(method);
    request.classWeighting = ClassWeighting(weighting);
    auto spec = ModelSpec::parse(R"({"layers": [{"type": "dense", "units": 1}], "loss": "mse"})");
    QVERIFY(spec.isOk());
    auto data = TrainingDataService::prepare(request, spec.value());
    QVERIFY(!data.isOk());
    QVERIFY2(QString::fromStdString(data.message()).startsWith(parameter), data.message().c_str());
}

void TestClassBalance::planSuggestsWeights()
{
    FeaturePlanOptions options;
    options.target = "is_fraud";
    auto plan = FeaturePlanner::propose(*fraudTable(), options);
    QVERIFY2(plan.isOk(), plan.message().c_str());
    // 10 % is not under 10 %: nothing suggested.
    QVERIFY(plan.value().suggestedWeighting == ClassWeighting::None);
    std::string csv = "x,is_fraud\n";
    for (int row = 0; row < 100; ++row)
        csv += std::to_string(row) + "," + (row % 20 == 0 ? "yes" : "no") + "\n";
    const Table table = CsvReader().readBuffer(csv, "rare.csv").takeValue().table;
    auto rare = FeaturePlanner::propose(table, options);
    QVERIFY2(rare.isOk(), rare.message().c_str());
    QVERIFY(rare.value().suggestedWeighting == ClassWeighting::Balanced);
    QVERIFY2(rare.value().balanceNote.find("5.0 %") != std::string::npos, rare.value().balanceNote.c_str());
    QVERIFY(rare.value().classWeighting == ClassWeighting::None); // a suggestion, not a choice
}

void TestClassBalance::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("weighting");
    QTest::addColumn<bool>("valid");
    QTest::newRow("none-weight") << "none" << true << true;
    QTest::newRow("balanced") << "balanced" << true << true;
    QTest::newRow("Balanced") << "Balanced" << true << false;
    QTest::newRow("oversample") << "oversample" << false << true;
    QTest::newRow("undersample") << "undersample" << false << true;
    QTest::newRow("smote") << "smote" << false << false;
}

void TestClassBalance::names()
{
    QFETCH(QString, name);
    QFETCH(bool, weighting);
    QFETCH(bool, valid);
    const std::string text = name.toStdString();
    if (weighting) {
        const auto parsed = classWeightingFromName(text);
        QCOMPARE(parsed.has_value(), valid);
        if (parsed)
            QCOMPARE(std::string(classWeightingName(*parsed)), text);
    } else {
        const auto parsed = resamplingFromName(text);
        QCOMPARE(parsed.has_value(), valid);
        if (parsed)
            QCOMPARE(std::string(resamplingName(*parsed)), text);
    }
}

// 10 rows, 8 of class 0 and 2 of class 1; the model gets 7 of the 8 right and 1 of the 2:
// recall 7/8 and 1/2, balanced accuracy (0.875 + 0.5) / 2 = 0.6875; precision of class 1: 1/2.
void TestClassBalance::metricsByHand()
{
    Matrix predictions(10, 2);
    Matrix targets = Matrix::Zero(10, 2);
    const float p1[10] = {0.1f, 0.2f, 0.1f, 0.3f, 0.2f, 0.1f, 0.4f, 0.7f, 0.9f, 0.3f};
    const int truth[10] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
    for (int r = 0; r < 10; ++r) {
        predictions(r, 0) = 1.0f - p1[r];
        predictions(r, 1) = p1[r];
        targets(r, truth[r]) = 1.0f;
    }
    const auto metrics = ClassificationMetrics::compute(constView(predictions), constView(targets), {"no", "yes"});
    QCOMPARE(metrics.classes[0].recall(), 7.0 / 8.0);
    QCOMPARE(metrics.classes[1].recall(), 0.5);
    QCOMPARE(metrics.classes[1].precision(), 0.5);
    QCOMPARE(metrics.balancedAccuracy, 0.6875);
    // Ranked by p1: 0.9 (yes), 0.7 (no), 0.4, 0.3 (no, yes tied with another no at 0.3) ...
    // AP = 1/2 * 1/1 + 1/2 * (2 / 5): the second positive ties with a negative at rank 4-5.
    QVERIFY(metrics.prAuc.has_value());
    QVERIFY2(std::abs(*metrics.prAuc - (0.5 + 0.5 * 2.0 / 5.0)) < 1e-12, qPrintable(QString::number(*metrics.prAuc)));
    const auto json = metrics.toJson();
    QCOMPARE(json["pr_auc_class"].get<std::string>(), std::string("yes"));
    // One column of probabilities gives the same.
    Matrix single(10, 1);
    Matrix singleTargets(10, 1);
    for (int r = 0; r < 10; ++r) {
        single(r, 0) = p1[r];
        singleTargets(r, 0) = float(truth[r]);
    }
    const auto same = ClassificationMetrics::compute(constView(single), constView(singleTargets), {"no", "yes"});
    QCOMPARE(same.balancedAccuracy, metrics.balancedAccuracy);
    QCOMPARE(*same.prAuc, *metrics.prAuc);
}

void TestClassBalance::averagePrecision_data()
{
    QTest::addColumn<QList<float>>("scores");
    QTest::addColumn<QList<bool>>("positive");
    QTest::addColumn<double>("expected");
    QTest::newRow("perfect") << QList<float>{0.9f, 0.8f, 0.1f} << QList<bool>{true, true, false} << 1.0;
    QTest::newRow("worst") << QList<float>{0.9f, 0.8f, 0.1f} << QList<bool>{false, false, true} << 1.0 / 3.0;
    QTest::newRow("middle") << QList<float>{0.9f, 0.8f, 0.7f, 0.1f} << QList<bool>{true, false, true, false}
                            << 0.5 * 1.0 + 0.5 * 2.0 / 3.0;
    QTest::newRow("all-tied") << QList<float>{0.5f, 0.5f, 0.5f, 0.5f} << QList<bool>{true, false, false, false} << 0.25;
}

void TestClassBalance::averagePrecision()
{
    QFETCH(QList<float>, scores);
    QFETCH(QList<bool>, positive);
    QFETCH(double, expected);
    const auto ap = ClassificationMetrics::averagePrecision(std::vector<float>(scores.begin(), scores.end()),
                                                            std::vector<bool>(positive.begin(), positive.end()));
    QVERIFY(ap.has_value());
    QVERIFY2(std::abs(*ap - expected) < 1e-12, qPrintable(QString::number(*ap)));
}

QTEST_APPLESS_MAIN(TestClassBalance)
#include "tst_classbalance.moc"
