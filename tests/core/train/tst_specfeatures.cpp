// The feature plan a model spec carries ("features", SpecFeatures): parse -> toJson -> parse gives
// it back, errors name the member's path, a plan's choices survive the trip through a spec, and
// TrainingDataService uses the spec's choices where the request leaves them open (the request wins).

#include "core/data/CsvReader.h"
#include "core/train/FeaturePlanner.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingDataService.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace loupe;

namespace {

const std::string s_layers = R"("layers": [{"type": "dense", "units": 2, "activation": "softmax"}], "loss": "categorical_crossentropy", "seed": 3)";

Result<ModelSpec> specWithFeatures(const std::string &features)
{
    return ModelSpec::parse("{" + s_layers + ", \"features\": " + features + "}", "spec.json");
}

std::shared_ptr<const Table> sampleTable()
{
    std::string csv = "id,amount,memo,is_fraud\n";
    for (int row = 0; row < 60; ++row)
        csv += std::to_string(row) + "," + std::to_string(10 + row % 7) + "," + (row % 2 ? "a" : "b") + ","
               + (row % 6 == 0 ? "yes" : "no") + "\n";
    return std::make_shared<const Table>(CsvReader().readBuffer(csv, "sample.csv").takeValue().table);
}

TrainingDataRequest sampleRequest()
{
    TrainingDataRequest request;
    request.source = TrainingDataRequest::Source::Table;
    request.table = sampleTable();
    request.tableName = "sample.csv";
    request.target = "is_fraud";
    return request;
}

} // namespace

class TestSpecFeatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void errorsNameThePath_data();
    void errorsNameThePath();
    void planSurvivesTheSpec();
    void serviceUsesTheSpec();
    void requestBeatsTheSpec();
};

void TestSpecFeatures::roundTrip_data()
{
    QTest::addColumn<QString>("features");
    QTest::newRow("empty") << "{}";
    QTest::newRow("weights") << R"({"class_weight": "balanced", "resample": "oversample"})";
    QTest::newRow("everything") << R"({"target": "is_fraud", "selection": "as_given", "ignored": ["id", "memo"],
                                       "kept": ["amount"], "max_levels": 40, "missing": "impute",
                                       "class_weight": "none", "resample": "undersample"})";
}

void TestSpecFeatures::roundTrip()
{
    QFETCH(QString, features);
    auto spec = specWithFeatures(features.toStdString());
    QVERIFY2(spec.isOk(), spec.message().c_str());
    QVERIFY(spec.value().features.has_value());
    const std::string text = spec.value().toJsonText();
    auto again = ModelSpec::parse(text, "again");
    QVERIFY2(again.isOk(), again.message().c_str());
    QCOMPARE(QString::fromStdString(again.value().toJsonText()), QString::fromStdString(text));
    QCOMPARE(QString::fromStdString(again.value().features->toJson().dump()),
             QString::fromStdString(nlohmann::ordered_json::parse(features.toStdString()).dump()));
}

void TestSpecFeatures::errorsNameThePath_data()
{
    QTest::addColumn<QString>("features");
    QTest::addColumn<QString>("message");
    QTest::newRow("not-an-object") << "[1]" << "features: expected an object";
    QTest::newRow("unknown-key") << R"({"weights": 1})" << "features.weights: unknown key";
    QTest::newRow("ignored-not-array") << R"({"ignored": "id"})" << "features.ignored: expected an array";
    QTest::newRow("ignored-item") << R"({"ignored": ["id", 3]})" << "features.ignored[1]: expected a column name, got 3";
    QTest::newRow("max-levels") << R"({"max_levels": 0})" << "features.max_levels: expected an integer in [1, 10000]";
    QTest::newRow("missing") << R"({"missing": "drop"})" << "features.missing: expected \"impute\" or \"reject\"";
    QTest::newRow("class-weight") << R"({"class_weight": "heavy"})" << "features.class_weight: expected \"none\" or \"balanced\"";
    QTest::newRow("resample") << R"({"resample": true})" << "features.resample: expected a string, got true";
    QTest::newRow("selection") << R"({"selection": "all"})" << "features.selection: expected \"proposed\" or \"as_given\"";
}

void TestSpecFeatures::errorsNameThePath()
{
    QFETCH(QString, features);
    QFETCH(QString, message);
    auto spec = specWithFeatures(features.toStdString());
    QVERIFY(!spec.isOk());
    QVERIFY2(QString::fromStdString(spec.message()).contains(message), spec.message().c_str());
}

void TestSpecFeatures::planSurvivesTheSpec()
{
    FeaturePlanOptions options;
    options.target = "is_fraud";
    options.ignored = {"memo"};
    options.kept = {"id"};
    options.classWeighting = ClassWeighting::Balanced;
    options.resampling = Resampling::Undersample;
    options.maxFeatureLevels = 30;
    auto plan = FeaturePlanner::propose(*sampleTable(), options);
    QVERIFY2(plan.isOk(), plan.message().c_str());
    auto spec = specWithFeatures("{}");
    QVERIFY(spec.isOk());
    spec.value().features = SpecFeatures::fromPlan(plan.value());
    auto again = ModelSpec::parse(spec.value().toJsonText(), "saved");
    QVERIFY2(again.isOk(), again.message().c_str());
    const SpecFeatures &features = *again.value().features;
    QCOMPARE(features.target, std::string("is_fraud"));
    QVERIFY(features.ignored == std::vector<std::string>{"memo"});
    QVERIFY(features.kept == std::vector<std::string>{"id"});
    QCOMPARE(features.maxLevels.value_or(0), std::size_t(30));
    QVERIFY(features.classWeighting == ClassWeighting::Balanced);
    QVERIFY(features.resampling == Resampling::Undersample);
    QVERIFY(!features.missing); // not chosen: the proposal decides again
}

void TestSpecFeatures::serviceUsesTheSpec()
{
    auto spec = specWithFeatures(R"({"ignored": ["memo"], "class_weight": "balanced"})");
    QVERIFY2(spec.isOk(), spec.message().c_str());
    auto data = TrainingDataService::prepare(sampleRequest(), spec.value());
    QVERIFY2(data.isOk(), data.message().c_str());
    const FeatureColumn *memo = data.value().featurePlan->find("memo");
    QVERIFY(memo && memo->role == FeatureRole::Ignored && memo->chosen);
    QVERIFY(data.value().classBalance->weighting == ClassWeighting::Balanced);
    QVERIFY(!data.value().classBalance->weights.empty());
}

void TestSpecFeatures::requestBeatsTheSpec()
{
    auto spec = specWithFeatures(R"({"ignored": ["memo"], "class_weight": "balanced", "resample": "oversample"})");
    QVERIFY(spec.isOk());
    TrainingDataRequest request = sampleRequest();
    request.classWeighting = ClassWeighting::None;
    request.kept = {"memo"};
    const TrainingDataRequest filled = TrainingDataService::requestWithSpec(request, spec.value());
    QVERIFY(filled.classWeighting == ClassWeighting::None);
    QVERIFY(filled.resampling == Resampling::Oversample);
    QVERIFY(filled.excluded.empty()); // the user keeps memo: the spec's "ignored" does not override it
    auto data = TrainingDataService::prepare(request, spec.value());
    QVERIFY2(data.isOk(), data.message().c_str());
    QVERIFY(data.value().featurePlan->find("memo")->role == FeatureRole::Feature);
}

QTEST_APPLESS_MAIN(TestSpecFeatures)
#include "tst_specfeatures.moc"
