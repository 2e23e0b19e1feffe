// A model spec's "schedule" key: parsed strictly (errors name "schedule.<key>"), written back by
// toJson(), installed by TrainingSession so every epoch and step reports the scheduled rate (the
// chapter's cosine per epoch against hand-computed values, an exponential decay per step), and
// replaced by TrainingOverrides::schedule. Also: an explicit validation_split of 0 holds out nothing.
#include "core/data/CsvReader.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingSession.h"

#include <nlohmann/json.hpp>

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

ModelSpec tinySpec(const std::string &extraJson = std::string())
{
    nlohmann::json json = nlohmann::json::parse(R"({
      "name": "tiny-mlp",
      "layers": [{"type": "dense", "units": 16, "activation": "relu"},
                 {"type": "dense", "units": 3, "activation": "softmax"}],
      "optimizer": {"type": "sgd", "learning_rate": 0.5},
      "loss": "categorical_crossentropy", "batch_size": 8, "epochs": 7, "seed": 7})");
    if (!extraJson.empty())
        json.merge_patch(nlohmann::json::parse(extraJson));
    auto spec = ModelSpec::parse(json.dump());
    if (!spec.isOk())
        qFatal("tiny spec: %s", spec.message().c_str());
    return spec.takeValue();
}

TrainingData tinyData()
{
    auto report = CsvReader().readFile(LOUPE_FIXTURES_DIR "/train/tiny.csv");
    if (!report.isOk())
        qFatal("tiny.csv: %s", report.message().c_str());
    TableEncodingOptions options;
    options.target = "label";
    auto data = TrainingData::fromTable(report.value().table, options, {0.2, 0.2}, 7, "tiny.csv");
    if (!data.isOk())
        qFatal("tiny data: %s", data.message().c_str());
    return data.takeValue();
}

// Records the rate of every step.
class StepRates : public Callback {
public:
    CallbackAction onBatchEnd(Trainer &, const BatchStats &stats) override
    {
        rates.push_back(stats.learningRate);
        epochs.push_back(stats.epoch);
        return CallbackAction::Continue;
    }
    std::vector<double> rates;
    std::vector<int> epochs;
};

bool near(double actual, double expected)
{
    return std::abs(actual - expected) <= 1e-6 * std::abs(expected); // the optimizer keeps a float
}

} // namespace

class TestScheduledTraining : public QObject {
    Q_OBJECT

private slots:
    void specParsesAndWritesTheSchedule();
    void badScheduleNamesTheKey_data();
    void badScheduleNamesTheKey();
    void chapterCosinePerEpoch();
    void exponentialPerStep();
    void overrideReplacesTheSpecsSchedule();
    void explicitZeroValidationSplit();
};

void TestScheduledTraining::specParsesAndWritesTheSchedule()
{
    const ModelSpec spec = tinySpec(R"({"schedule": {"name": "cosine", "lr0": 0.01, "length": 5}})");
    QVERIFY(spec.schedule.has_value());
    QCOMPARE(spec.schedule->kind, ScheduleKind::Cosine);
    QCOMPARE(spec.schedule->length, std::int64_t(5));
    const nlohmann::ordered_json written = spec.toJson();
    QCOMPARE(QString::fromStdString(written["schedule"]["name"].get<std::string>()), QString("cosine"));
    QCOMPARE(QString::fromStdString(written["schedule"]["per"].get<std::string>()), QString("epoch"));
    auto again = ModelSpec::parse(spec.toJsonText());
    QVERIFY2(again.isOk(), again.message().c_str());
    QCOMPARE(again.value().toJsonText(), spec.toJsonText());
    QVERIFY(!tinySpec().toJson().contains("schedule"));
}

void TestScheduledTraining::badScheduleNamesTheKey_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not an object") << R"("cosine")" << "schedule: expected an object";
    QTest::newRow("unknown name") << R"({"name": "triangle"})" << "schedule.name: unknown schedule \"triangle\"";
    QTest::newRow("foreign key") << R"({"name": "cosine", "t0": 3})" << "schedule.t0: not a parameter";
    QTest::newRow("bad range") << R"({"name": "sgdr", "t_mult": 0})" << "schedule.t_mult: expected";
    QTest::newRow("bad unit") << R"({"name": "cosine", "per": "week"})" << "schedule.per:";
}

void TestScheduledTraining::badScheduleNamesTheKey()
{
    QFETCH(QString, schedule);
    QFETCH(QString, expected);
    nlohmann::json json = tinySpec().toJson();
    json["schedule"] = nlohmann::json::parse(schedule.toStdString());
    auto spec = ModelSpec::parse(json.dump());
    QVERIFY(!spec.isOk());
    QVERIFY2(QString::fromStdString(spec.message()).startsWith(expected), spec.message().c_str());
}

void TestScheduledTraining::chapterCosinePerEpoch()
{
    // lr(t) = 0.01 / 2 (cos(pi min(t, 4) / 5) + 1), by hand for t = 0..6.
    const double expected[] = {0.01, 0.00904508497, 0.00654508497, 0.00345491503, 0.00095491503, 0.00095491503,
                               0.00095491503};
    const TrainingData data = tinyData();
    const ModelSpec spec = tinySpec(R"({"schedule": {"name": "cosine", "lr0": 0.01, "length": 5}})");
    auto session = TrainingSession::create(spec, data);
    QVERIFY2(session.isOk(), session.message().c_str());
    StepRates steps;
    session.value()->addCallback(steps);
    const TrainingOutcome outcome = session.value()->run();
    QVERIFY2(outcome.succeeded(), outcome.result.status.message().c_str());
    QCOMPARE(outcome.epochs.size(), std::size_t(7));
    for (int epoch = 0; epoch < 7; ++epoch)
        QVERIFY2(near(outcome.epochs[epoch].learningRate, expected[epoch]),
                 qPrintable(QString("epoch %1: %2").arg(epoch).arg(outcome.epochs[epoch].learningRate)));
    QVERIFY(!steps.rates.empty());
    for (std::size_t i = 0; i < steps.rates.size(); ++i)
        QVERIFY2(near(steps.rates[i], expected[steps.epochs[i]]), qPrintable(QString("step %1").arg(i)));
}

void TestScheduledTraining::exponentialPerStep()
{
    const TrainingData data = tinyData();
    const ModelSpec spec = tinySpec(
        R"({"epochs": 2, "schedule": {"name": "exponential", "lr0": 0.02, "gamma": 0.9, "per": "step"}})");
    auto session = TrainingSession::create(spec, data);
    QVERIFY2(session.isOk(), session.message().c_str());
    StepRates steps;
    session.value()->addCallback(steps);
    const TrainingOutcome outcome = session.value()->run();
    QVERIFY2(outcome.succeeded(), outcome.result.status.message().c_str());
    QVERIFY(steps.rates.size() >= 4);
    for (std::size_t i = 0; i < steps.rates.size(); ++i)
        QVERIFY2(near(steps.rates[i], 0.02 * std::pow(0.9, static_cast<double>(i))), qPrintable(QString::number(i)));
    QVERIFY(near(outcome.epochs.back().learningRate, steps.rates.back()));
}

void TestScheduledTraining::overrideReplacesTheSpecsSchedule()
{
    ModelSpec spec = tinySpec(R"({"schedule": {"name": "cosine", "lr0": 0.01, "length": 5}})");
    TrainingOverrides overrides;
    ScheduleSpec constant = ScheduleSpec::defaults(ScheduleKind::Constant);
    constant.lr0 = 0.003;
    overrides.schedule = constant;
    QVERIFY(overrides.applyTo(spec).isOk());
    QCOMPARE(spec.schedule->kind, ScheduleKind::Constant);

    ScheduleSpec broken = ScheduleSpec::defaults(ScheduleKind::Cosine);
    broken.lr0 = -1.0;
    overrides.schedule = broken;
    const Status refused = overrides.applyTo(spec);
    QVERIFY(!refused.isOk());
    QVERIFY2(QString::fromStdString(refused.message()).startsWith("schedule.lr0:"), refused.message().c_str());
    QCOMPARE(spec.schedule->kind, ScheduleKind::Constant); // unchanged on error

    const TrainingData data = tinyData();
    spec.epochs = 2;
    auto session = TrainingSession::create(spec, data);
    QVERIFY2(session.isOk(), session.message().c_str());
    const TrainingOutcome outcome = session.value()->run();
    QVERIFY(near(outcome.epochs.front().learningRate, 0.003));
}

void TestScheduledTraining::explicitZeroValidationSplit()
{
    QCOMPARE(TrainingSession::defaultValidationFraction(tinySpec()), 0.1);
    const ModelSpec none = tinySpec(R"({"validation_split": 0})");
    QCOMPARE(TrainingSession::defaultValidationFraction(none), 0.0);
    QVERIFY(none.toJson().contains("validation_split"));
    QVERIFY(!tinySpec().toJson().contains("validation_split"));
    QCOMPARE(TrainingSession::defaultValidationFraction(tinySpec(R"({"validation_split": 0.25})")), 0.25);
}

QTEST_APPLESS_MAIN(TestScheduledTraining)
#include "tst_scheduledtraining.moc"
