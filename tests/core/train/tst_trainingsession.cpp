// TrainingSession: a spec that does not fit the data is refused with the JSON path of the
// mismatch; a tiny run learns, is deterministic by seed, reports test accuracy; a huge learning
// rate diverges with the documented message; overrides are validated; the report's JSON shape.
#include "core/data/CsvReader.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingReport.h"
#include "core/train/TrainingSession.h"

#include <nlohmann/json.hpp>

#include <QtTest>

using namespace loupe;

namespace {

ModelSpec tinySpec()
{
    auto spec = ModelSpec::fromFile(LOUPE_FIXTURES_DIR "/train/tiny-spec.json");
    if (!spec.isOk())
        qFatal("tiny spec: %s", spec.message().c_str());
    return spec.takeValue();
}

TrainingData tinyData(const std::string &target = "label")
{
    auto report = CsvReader().readFile(LOUPE_FIXTURES_DIR "/train/tiny.csv");
    if (!report.isOk())
        qFatal("tiny.csv: %s", report.message().c_str());
    TableEncodingOptions options;
    options.target = target;
    auto data = TrainingData::fromTable(report.value().table, options, {0.2, 0.2}, 7, "tiny.csv");
    if (!data.isOk())
        qFatal("tiny data: %s", data.message().c_str());
    return data.takeValue();
}

} // namespace

class TestTrainingSession : public QObject {
    Q_OBJECT

private slots:
    void refusesSpecsThatDoNotFit_data();
    void refusesSpecsThatDoNotFit();
    void tinyRunLearnsAndIsDeterministic();
    void hugeLearningRateDiverges();
    void cancelledBeforeTheFirstBatch();
    void overridesAreValidated();
    void reportJsonShape();
};

void TestTrainingSession::refusesSpecsThatDoNotFit_data()
{
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");
    QTest::newRow("outputs vs classes") << R"({"layers":[{"type":"dense","units":4,"activation":"relu"},
        {"type":"dense","units":5,"activation":"softmax"}]})" << "label" << "layers[1].units: the model outputs 5";
    QTest::newRow("cross-entropy on a regression target") << "{}" << "x1" << "loss: \"categorical_crossentropy\"";
    QTest::newRow("input features") << R"({"input":{"features":784}})" << "label" << "input.features";
}

void TestTrainingSession::refusesSpecsThatDoNotFit()
{
    QFETCH(QString, patch);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    nlohmann::json json = tinySpec().toJson();
    json.merge_patch(nlohmann::json::parse(patch.toStdString()));
    auto spec = ModelSpec::parse(json.dump());
    QVERIFY2(spec.isOk(), spec.message().c_str());
    const TrainingData data = tinyData(target.toStdString());
    auto session = TrainingSession::create(spec.value(), data);
    QVERIFY(!session.isOk());
    QVERIFY2(QString::fromStdString(session.message()).startsWith(expected), session.message().c_str());
}

void TestTrainingSession::tinyRunLearnsAndIsDeterministic()
{
    const TrainingData data = tinyData();
    ModelSpec spec = tinySpec();
    spec.epochs = 25;
    auto first = TrainingSession::create(spec, data);
    QVERIFY2(first.isOk(), first.message().c_str());
    const TrainingOutcome outcome = first.value()->run();
    QVERIFY2(outcome.succeeded(), outcome.result.status.message().c_str());
    QCOMPARE(outcome.epochs.size(), std::size_t(25));
    QVERIFY(outcome.epochs.back().hasValidation());
    QVERIFY2(outcome.epochs.back().loss < outcome.epochs.front().loss, "training loss did not fall");
    QVERIFY(outcome.test.has_value());
    QVERIFY2(outcome.test->accuracy >= 0.75, qPrintable(QString::number(outcome.test->accuracy)));

    auto second = TrainingSession::create(spec, data);
    const TrainingOutcome repeat = second.value()->run();
    QCOMPARE(repeat.epochs.back().loss, outcome.epochs.back().loss);
    QCOMPARE(repeat.test->accuracy, outcome.test->accuracy);
}

void TestTrainingSession::hugeLearningRateDiverges()
{
    const TrainingData data = tinyData();
    ModelSpec spec = tinySpec();
    spec.epochs = 50;
    TrainingOverrides overrides;
    overrides.learningRate = 1e4;
    overrides.epochs = 50;
    QVERIFY(overrides.applyTo(spec).isOk());
    spec.optimizer.kind = OptimizerKind::Sgd;
    spec.optimizer.sgd.learningRate = 1e4f;
    auto session = TrainingSession::create(spec, data);
    QVERIFY(session.isOk());
    const TrainingOutcome outcome = session.value()->run();
    QVERIFY(outcome.diverged());
    QVERIFY(!outcome.test);
    QVERIFY2(QString::fromStdString(outcome.result.status.message()).startsWith(QStringLiteral("diverged at epoch ")),
             outcome.result.status.message().c_str());
    const nlohmann::ordered_json summary = TrainingReport::summaryJson(outcome, data);
    QCOMPARE(summary["status"].get<std::string>(), std::string("diverged"));
    QVERIFY(summary["diverged"].get<bool>());
    QVERIFY(summary["test_accuracy"].is_null());
}

void TestTrainingSession::cancelledBeforeTheFirstBatch()
{
    const TrainingData data = tinyData();
    auto session = TrainingSession::create(tinySpec(), data);
    CancellationToken token;
    token.cancel();
    session.value()->setCancellationToken(&token);
    const TrainingOutcome outcome = session.value()->run();
    QVERIFY(outcome.cancelled());
    QCOMPARE(TrainingReport::statusName(outcome.result.stopReason), std::string("cancelled"));
    QVERIFY(outcome.epochs.empty());
}

void TestTrainingSession::overridesAreValidated()
{
    ModelSpec spec = tinySpec();
    TrainingOverrides bad;
    bad.batchSize = 0;
    QVERIFY(QString::fromStdString(bad.applyTo(spec).message()).startsWith(QStringLiteral("batch_size")));
    QCOMPARE(spec.batchSize, 8);
    TrainingOverrides good;
    good.epochs = 2;
    good.seed = 99;
    good.learningRate = 0.5;
    QVERIFY(good.applyTo(spec).isOk());
    QCOMPARE(spec.epochs, 2);
    QCOMPARE(spec.seed, std::uint64_t(99));
    QCOMPARE(spec.optimizer.learningRate(), 0.5f);
}

void TestTrainingSession::reportJsonShape()
{
    const TrainingData data = tinyData();
    ModelSpec spec = tinySpec();
    spec.epochs = 2;
    auto session = TrainingSession::create(spec, data);
    const TrainingOutcome outcome = session.value()->run();
    const nlohmann::ordered_json summary = TrainingReport::summaryJson(outcome, data);
    QCOMPARE(summary["epochs"].size(), std::size_t(2));
    const auto &epoch = summary["epochs"][1];
    for (const char *key : {"epoch", "loss", "accuracy", "val_loss", "val_accuracy", "lr", "seconds"})
        QVERIFY2(epoch.contains(key) && epoch[key].is_number(), key);
    QCOMPARE(epoch["epoch"].get<int>(), 2);
    QVERIFY(summary["test_accuracy"].is_number());
    QCOMPARE(summary["status"].get<std::string>(), std::string("completed"));
    QCOMPARE(summary["message"].get<std::string>(), std::string());
    const std::string line = TrainingReport::epochLine(outcome.epochs[0], 2, TaskKind::Classification);
    QVERIFY2(QString::fromStdString(line).startsWith(QStringLiteral("epoch 1/2  loss ")), line.c_str());
    QVERIFY(line.find("val_accuracy") != std::string::npos);
}

QTEST_APPLESS_MAIN(TestTrainingSession)
#include "tst_trainingsession.moc"
