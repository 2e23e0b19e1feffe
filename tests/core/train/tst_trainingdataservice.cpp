// The one training-data policy (TrainingDataService): who decides the scaling (an explicit choice
// beats the spec's "scaling", which beats standard), the validation share (the request's, the
// spec's validation_split, 0.1), binary targets from the spec's last layer, Fashion-MNIST refusing
// any scaling, and that the same request and spec always give the same data.

#include "core/data/CsvReader.h"
#include "core/train/TrainingDataService.h"

#include <QtTest>

#include <optional>

using namespace loupe;

namespace {

// 20 rows: two number columns whose extremes sit in different rows, a text column, a 2-class target.
std::shared_ptr<const Table> sampleTable()
{
    std::string csv = "x,y,color,label\n";
    for (int row = 0; row < 20; ++row)
        csv += std::to_string(row * 3 + row % 4) + "," + std::to_string((row * 7) % 11) + ","
               + (row % 3 == 0 ? "red" : "blue") + "," + (row % 2 == 0 ? "yes" : "no") + "\n";
    auto report = CsvReader().readBuffer(csv, "sample.csv");
    if (!report.isOk())
        qFatal("sample CSV does not parse: %s", report.message().c_str());
    return std::make_shared<const Table>(report.takeValue().table);
}

ModelSpec specWith(const std::string &extraKeys, int outputUnits = 2)
{
    const std::string activation = outputUnits == 1 ? "sigmoid" : "softmax";
    const std::string loss = outputUnits == 1 ? "binary_crossentropy" : "categorical_crossentropy";
    auto spec = ModelSpec::parse(R"({"layers": [{"type": "dense", "units": )" + std::to_string(outputUnits)
                                 + R"(, "activation": ")" + activation + R"("}], "loss": ")" + loss
                                 + R"(", "seed": 5)" + extraKeys + "}");
    if (!spec.isOk())
        qFatal("spec does not parse: %s", spec.message().c_str());
    return spec.takeValue();
}

ModelSpec specWithScaling(const QString &key)
{
    return specWith(key.isEmpty() ? std::string() : ", \"scaling\": \"" + key.toStdString() + "\"");
}

TrainingDataRequest tableRequest()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.table = sampleTable();
    request.tableName = "sample.csv";
    request.target = "label";
    return request;
}

// "" -> no choice, else a method name.
std::optional<FeatureScaling> choice(const QString &name)
{
    if (name.isEmpty())
        return std::nullopt;
    return scalingMethodFromName(name.toStdString());
}

} // namespace

class TestTrainingDataService : public QObject {
    Q_OBJECT

private slots:
    void scalingPrecedence_data();
    void scalingPrecedence();
    void validationShare_data();
    void validationShare();
    void fashionMnistRefusesScaling_data();
    void fashionMnistRefusesScaling();
    void fashionMnistTakesTheSpecsValidationShare();
    void binaryTargetsFollowTheSpec_data();
    void binaryTargetsFollowTheSpec();
    void requestOptionsReachTheEncoding();
    void sameRequestSameData();
    void tableRequestWithoutTable();
    void requestDefaultsAreTheEncodingDefaults();
};

void TestTrainingDataService::scalingPrecedence_data()
{
    QTest::addColumn<QString>("chosen");  // "": no explicit choice
    QTest::addColumn<QString>("specKey"); // "": the spec has no "scaling"
    QTest::addColumn<QString>("expected");
    QTest::newRow("neither: the default") << "" << "" << "standard";
    QTest::newRow("the spec's key") << "" << "minmax" << "minmax";
    QTest::newRow("an explicit choice") << "l2" << "" << "l2";
    QTest::newRow("explicit beats the spec") << "mean" << "minmax" << "mean";
    QTest::newRow("explicit none beats the spec") << "none" << "l1" << "none";
    QTest::newRow("explicit standard beats the spec") << "standard" << "none" << "standard";
}

void TestTrainingDataService::scalingPrecedence()
{
    QFETCH(QString, chosen);
    QFETCH(QString, specKey);
    QFETCH(QString, expected);
    const ModelSpec spec = specWithScaling(specKey);
    const FeatureScaling want = *scalingMethodFromName(expected.toStdString());
    QCOMPARE(TrainingDataService::scalingFor(choice(chosen), spec), want);

    TrainingDataRequest request = tableRequest();
    request.scaling = choice(chosen);
    auto data = TrainingDataService::prepare(request, spec);
    QVERIFY2(data.isOk(), data.message().c_str());
    QVERIFY(data.value().encoding.has_value());
    QCOMPARE(data.value().encoding->scaling, want);
    // The run's stored config names what was used, whoever chose it.
    QCOMPARE(TrainingDataService::specAsTrained(spec, data.value()).scaling, std::optional<FeatureScaling>(want));
}

void TestTrainingDataService::validationShare_data()
{
    QTest::addColumn<double>("chosen"); // < 0: no explicit share
    QTest::addColumn<QString>("specKeys");
    QTest::addColumn<double>("expected");
    QTest::addColumn<int>("validationRows"); // of the 20 rows, test share 0.1
    QTest::newRow("neither: 0.1") << -1.0 << "" << 0.1 << 2;
    QTest::newRow("the spec's validation_split") << -1.0 << ", \"validation_split\": 0.25" << 0.25 << 5;
    QTest::newRow("the spec's explicit 0") << -1.0 << ", \"validation_split\": 0" << 0.0 << 0;
    QTest::newRow("explicit beats the spec") << 0.3 << ", \"validation_split\": 0.25" << 0.3 << 6;
}

void TestTrainingDataService::validationShare()
{
    QFETCH(double, chosen);
    QFETCH(QString, specKeys);
    QFETCH(double, expected);
    QFETCH(int, validationRows);
    const ModelSpec spec = specWith(specKeys.toStdString());
    const std::optional<double> share = chosen < 0 ? std::nullopt : std::optional<double>(chosen);
    QCOMPARE(TrainingDataService::validationFractionFor(share, spec), expected);
    TrainingDataRequest request = tableRequest();
    request.validationFraction = share;
    auto data = TrainingDataService::prepare(request, spec);
    QVERIFY2(data.isOk(), data.message().c_str());
    QCOMPARE(data.value().validation.size(), Index(validationRows));
    QCOMPARE(data.value().test.size(), Index(2));
}

void TestTrainingDataService::fashionMnistRefusesScaling_data()
{
    QTest::addColumn<QString>("chosen");
    QTest::addColumn<QString>("specKey");
    QTest::addColumn<QString>("message");
    QTest::newRow("the spec's key")
        << "" << "minmax"
        << "the model spec's \"scaling\": \"minmax\" applies to CSV data, not to Fashion-MNIST (its pixels are "
           "divided by 255); remove the key";
    QTest::newRow("an explicit choice")
        << "l2" << ""
        << "scaling \"l2\" applies to CSV data, not to Fashion-MNIST (its pixels are divided by 255)";
}

void TestTrainingDataService::fashionMnistRefusesScaling()
{
    QFETCH(QString, chosen);
    QFETCH(QString, specKey);
    QFETCH(QString, message);
    TrainingDataRequest request;
    request.fashionMnistDirectory = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    request.scaling = choice(chosen);
    auto data = TrainingDataService::prepare(request, specWithScaling(specKey));
    QVERIFY(!data.isOk());
    QCOMPARE(data.status().code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(data.message()), message);
}

void TestTrainingDataService::fashionMnistTakesTheSpecsValidationShare()
{
    TrainingDataRequest request;
    request.fashionMnistDirectory = LOUPE_FIXTURES_DIR "/train/fmnist-tiny";
    request.imageLimit = 40;
    auto data = TrainingDataService::prepare(request, specWith(", \"validation_split\": 0.25", 10));
    QVERIFY2(data.isOk(), data.message().c_str());
    QCOMPARE(data.value().source, std::string("fashion-mnist"));
    QCOMPARE(data.value().train.size(), Index(30));
    QCOMPARE(data.value().validation.size(), Index(10));
    QCOMPARE(data.value().test.size(), Index(30)); // the fixture's t10k file holds 30 images
    QVERIFY(!data.value().encoding.has_value());
}

void TestTrainingDataService::binaryTargetsFollowTheSpec_data()
{
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("targetColumns");
    QTest::newRow("two softmax units: one-hot") << 2 << 2;
    QTest::newRow("one sigmoid unit: one 0/1 column") << 1 << 1;
}

void TestTrainingDataService::binaryTargetsFollowTheSpec()
{
    QFETCH(int, units);
    QFETCH(int, targetColumns);
    auto data = TrainingDataService::prepare(tableRequest(), specWith("", units));
    QVERIFY2(data.isOk(), data.message().c_str());
    QCOMPARE(data.value().train.targetCount(), Index(targetColumns));
}

void TestTrainingDataService::requestOptionsReachTheEncoding()
{
    TrainingDataRequest request = tableRequest();
    request.excluded = {"y"};
    request.selection = ColumnSelection::AsGiven; // as loupe-cli --exclude: no proposal on top of the list
    request.testFraction = 0.25;
    request.validationFraction = 0.0;
    auto data = TrainingDataService::prepare(request, specWith(""));
    QVERIFY2(data.isOk(), data.message().c_str());
    QCOMPARE(data.value().featureNames, (std::vector<std::string>{"x", "color=blue", "color=red"}));
    QCOMPARE(data.value().test.size(), Index(5));
    QCOMPARE(data.value().source, std::string("sample.csv"));

    request.maxFeatureLevels = 1;
    auto capped = TrainingDataService::prepare(request, specWith(""));
    QVERIFY(!capped.isOk());
    QVERIFY2(capped.message().rfind("sample.csv: column 'color'", 0) == 0, capped.message().c_str());

    request.tableName.clear();
    request.excluded = {"nope"};
    auto unnamed = TrainingDataService::prepare(request, specWith(""));
    QVERIFY(!unnamed.isOk());
    QVERIFY2(unnamed.message().rfind("table: excluded column 'nope'", 0) == 0, unnamed.message().c_str());
}

void TestTrainingDataService::sameRequestSameData()
{
    TrainingDataRequest request = tableRequest();
    request.scaling = FeatureScaling::MinMax;
    const ModelSpec spec = specWithScaling(QStringLiteral("l2"));
    auto first = TrainingDataService::prepare(request, spec);
    auto again = TrainingDataService::prepare(request, spec);
    QVERIFY(first.isOk() && again.isOk());
    QVERIFY(first.value().train.features() == again.value().train.features());
    QVERIFY(first.value().validation.targets() == again.value().validation.targets());
    QCOMPARE(first.value().description(), again.value().description());
}

void TestTrainingDataService::tableRequestWithoutTable()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.target = "label";
    auto data = TrainingDataService::prepare(request, specWith(""));
    QVERIFY(!data.isOk());
    QCOMPARE(data.status().code(), StatusCode::InvalidInput);
}

void TestTrainingDataService::requestDefaultsAreTheEncodingDefaults()
{
    const TrainingDataRequest request;
    QCOMPARE(request.maxFeatureLevels, TableEncodingOptions().maxFeatureLevels);
    QCOMPARE(request.testFraction, SplitFractions().test);
    QVERIFY(!request.scaling.has_value());
    QVERIFY(!request.validationFraction.has_value());
}

QTEST_APPLESS_MAIN(TestTrainingDataService)
#include "tst_trainingdataservice.moc"
