// Trainer: learns known functions (fixed seeds, tolerance messages), determinism, divergence,
// cancellation within one batch, validated setters and data checks.
#include "core/train/Trainer.h"

#include <QtTest>

#include "TrainTestSupport.h"

#include <atomic>
#include <regex>
#include <thread>

using namespace loupe;
using namespace loupe::test;

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void learnsXor_data();
    void learnsXor();
    void learnsLinearlySeparable_data();
    void learnsLinearlySeparable();
    void sameSeedSameWeights();
    void divergenceIsReported();
    void cancelStopsWithinOneBatch_data();
    void cancelStopsWithinOneBatch();
    void cancelFromAnotherThread();
    void validationSplitTakesTheLastRows();
    void setterValidation_data();
    void setterValidation();
    void dataMustFitTheModel();
    void progressHookSeesEveryBatch();
};

void TestTrainer::learnsXor_data()
{
    QTest::addColumn<int>("seed");
    for (int seed : {1, 2, 3, 4, 5})
        QTest::newRow(qPrintable(QString("seed-%1").arg(seed))) << seed;
}

void TestTrainer::learnsXor()
{
    QFETCH(int, seed);
    const std::string spec = R"({"layers": [{"type": "dense", "units": 8, "activation": "tanh"},
                                            {"type": "dense", "units": 1, "activation": "sigmoid"}],
                                 "optimizer": {"type": "adam", "learning_rate": 0.05},
                                 "loss": "binary_crossentropy", "batch_size": 4, "epochs": 300, "seed": )"
        + std::to_string(seed) + "}";
    Setup setup = setupFromSpec(spec, 2);
    const TrainingSet data = xorSet();
    const TrainResult result = setup.trainer->fit(data);
    QVERIFY2(result.status.isOk(), result.status.message().c_str());
    QCOMPARE(result.epochsCompleted, 300);
    const Evaluation evaluation = setup.trainer->evaluate(data);
    QVERIFY2(evaluation.accuracy == 1.0 && evaluation.loss < 0.1,
             qPrintable(QString("XOR not learned: accuracy %1, loss %2 (want 1 and < 0.1)").arg(evaluation.accuracy).arg(evaluation.loss)));
    const Matrix p = setup.model->predict(data.features());
    QVERIFY2(p(0, 0) < 0.2f && p(1, 0) > 0.8f && p(2, 0) > 0.8f && p(3, 0) < 0.2f, "predict() probabilities off");
}

void TestTrainer::learnsLinearlySeparable_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("sgd") << R"({"type": "sgd", "learning_rate": 0.1})";
    QTest::newRow("sgd-nesterov") << R"({"type": "sgd", "learning_rate": 0.05, "momentum": 0.9, "nesterov": true})";
    QTest::newRow("rmsprop") << R"({"type": "rmsprop", "learning_rate": 0.01})";
    QTest::newRow("adam") << R"({"type": "adam", "learning_rate": 0.01})";
}

void TestTrainer::learnsLinearlySeparable()
{
    QFETCH(QString, optimizer);
    Setup setup = setupFromSpec(blobSpec(optimizer.toStdString(), 15, R"(, "validation_split": 0.25)"), 2);
    const TrainResult result = setup.trainer->fit(blobs(400, 7));
    QVERIFY2(result.status.isOk(), result.status.message().c_str());
    QVERIFY(result.lastEpoch && result.lastEpoch->hasValidation());
    QVERIFY2(result.lastEpoch->valAccuracy >= 0.99,
             qPrintable(QString("val_accuracy %1 after 15 epochs, want >= 0.99").arg(result.lastEpoch->valAccuracy)));
    const Evaluation fresh = setup.trainer->evaluate(blobs(200, 8));
    QVERIFY2(fresh.accuracy >= 0.99, qPrintable(QString("accuracy on new blobs %1, want >= 0.99").arg(fresh.accuracy)));
}

void TestTrainer::sameSeedSameWeights()
{
    const TrainingSet data = blobs(200, 1);
    auto train = [&](const std::string &extra) {
        Setup setup = setupFromSpec(blobSpec(R"({"type": "adam"})", 3, extra), 2);
        const TrainResult result = setup.trainer->fit(data);
        Q_ASSERT(result.status.isOk());
        return setup.model->weights();
    };
    const auto first = train("");
    const auto second = train("");
    const auto other = train(R"(, "seed": 4)");
    QCOMPARE(first.size(), second.size());
    bool anyDifferent = false;
    for (std::size_t i = 0; i < first.size(); ++i) {
        QVERIFY2(first[i] == second[i], "same seed gave different weights");
        anyDifferent = anyDifferent || first[i] != other[i];
    }
    QVERIFY2(anyDifferent, "another seed gave the same weights");
}

void TestTrainer::divergenceIsReported()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd", "learning_rate": 10000})", 50), 2);
    const TrainResult result = setup.trainer->fit(blobs(400, 2));
    QCOMPARE(result.status.code(), StatusCode::Failed);
    QVERIFY(result.stopReason == StopReason::Diverged);
    const std::string &message = result.status.message();
    std::smatch match;
    QVERIFY2(std::regex_match(message, match, std::regex(R"(diverged at epoch (\d+), step (\d+), loss (nan|-?inf))")),
             message.c_str());
    const int epoch = std::stoi(match[1]);
    const int step = std::stoi(match[2]);
    QCOMPARE(std::int64_t((epoch - 1) * 25 + step), result.stepsCompleted); // 400 rows / 16 = 25 steps per epoch
    for (const ParameterBlock &block : setup.model->parameterBlocks())
        QVERIFY2(block.value->allFinite(), "the diverged step must not be applied");
}

void TestTrainer::cancelStopsWithinOneBatch_data()
{
    QTest::addColumn<int>("cancelAfter");
    QTest::addColumn<bool>("viaHook");
    QTest::newRow("token-before-start") << 0 << false;
    QTest::newRow("token-after-1") << 1 << false;
    QTest::newRow("token-after-7") << 7 << false;
    QTest::newRow("token-after-26") << 26 << false; // first step of the second epoch
    QTest::newRow("hook-after-1") << 1 << true;
    QTest::newRow("hook-after-30") << 30 << true;
}

void TestTrainer::cancelStopsWithinOneBatch()
{
    QFETCH(int, cancelAfter);
    QFETCH(bool, viaHook);
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 5), 2);
    CancellationToken token;
    if (cancelAfter == 0)
        token.cancel();
    setup.trainer->setCancellationToken(&token);
    setup.trainer->setProgressHook([&](const TrainProgress &progress) {
        if (progress.globalStep == cancelAfter) {
            if (viaHook)
                return ProgressAction::Stop;
            token.cancel();
        }
        return ProgressAction::Continue;
    });
    const TrainResult result = setup.trainer->fit(blobs(400, 3));
    QVERIFY(result.status.isCancelled());
    QVERIFY(result.stopReason == StopReason::Cancelled);
    QCOMPARE(result.stepsCompleted, std::int64_t(cancelAfter));
}

void TestTrainer::cancelFromAnotherThread()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 100000), 2);
    CancellationToken token;
    std::atomic<std::int64_t> steps{0};
    setup.trainer->setCancellationToken(&token);
    setup.trainer->setProgressHook([&](const TrainProgress &progress) {
        steps.store(progress.globalStep);
        return ProgressAction::Continue;
    });
    const TrainingSet data = blobs(400, 3);
    TrainResult result;
    std::thread worker([&] { result = setup.trainer->fit(data); });
    while (steps.load() < 20)
        std::this_thread::yield();
    token.cancel();
    const std::int64_t seenAtCancel = steps.load();
    worker.join();
    QVERIFY(result.status.isCancelled());
    QVERIFY2(result.stepsCompleted <= seenAtCancel + 1,
             qPrintable(QString("%1 steps after the cancel").arg(result.stepsCompleted - seenAtCancel)));
}

void TestTrainer::validationSplitTakesTheLastRows()
{
    // 100 rows, split 0.2: the first 80 train (5 steps of 16), the last 20 validate. The last 20
    // rows here are all of class 1, so a model that always says class 1 scores 1.0 on them.
    TrainingSet data = blobs(100, 5);
    std::vector<float> features(data.features().data(), data.features().data() + 200);
    std::vector<std::uint8_t> labels;
    for (Index r = 0; r < 100; ++r)
        labels.push_back(r >= 80 ? 1 : static_cast<std::uint8_t>(r % 2));
    const TrainingSet skewed = TrainingSet::fromLabels(features, 2, labels, 2).takeValue();
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd", "learning_rate": 0.0})", 1, R"(, "validation_split": 0.2)"), 2);
    const TrainResult result = setup.trainer->fit(skewed);
    QVERIFY(result.status.isOk());
    QCOMPARE(result.stepsCompleted, std::int64_t(5));
    const Evaluation tail = setup.trainer->evaluate(skewed.slice(80, 100));
    QCOMPARE(result.lastEpoch->valAccuracy, tail.accuracy);
    QCOMPARE(result.lastEpoch->valLoss, tail.loss);
}

void TestTrainer::setterValidation_data()
{
    QTest::addColumn<QString>("setter");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("epochs-zero") << "epochs" << 0.0 << "epochs: expected a positive integer, got 0";
    QTest::newRow("batch-negative") << "batch" << -4.0 << "batch_size: expected a positive integer, got -4";
    QTest::newRow("split-one") << "split" << 1.0 << "validation_split: expected a number in [0, 1), got 1";
    QTest::newRow("split-nan") << "split" << std::nan("") << "validation_split: expected a number in [0, 1), got nan";
    QTest::newRow("lr-negative") << "lr" << -0.5 << "learning_rate: expected a finite number >= 0, got -0.5";
    QTest::newRow("lr-infinite") << "lr" << HUGE_VAL << "learning_rate: expected a finite number >= 0, got inf";
}

void TestTrainer::setterValidation()
{
    QFETCH(QString, setter);
    QFETCH(double, value);
    QFETCH(QString, message);
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 2), 2);
    Trainer &trainer = *setup.trainer;
    const int epochs = trainer.epochs(), batch = trainer.batchSize();
    const double split = trainer.validationSplit(), lr = trainer.learningRate();
    Status status;
    if (setter == "epochs")
        status = trainer.setEpochs(static_cast<int>(value));
    else if (setter == "batch")
        status = trainer.setBatchSize(static_cast<int>(value));
    else if (setter == "split")
        status = trainer.setValidationSplit(value);
    else
        status = trainer.setLearningRate(value);
    QCOMPARE(status.code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(status.message()), message);
    QCOMPARE(trainer.epochs(), epochs);
    QCOMPARE(trainer.batchSize(), batch);
    QCOMPARE(trainer.validationSplit(), split);
    QCOMPARE(trainer.learningRate(), lr);
}

void TestTrainer::dataMustFitTheModel()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 1), 2);
    const TrainingSet threeFeatures = TrainingSet::create({1, 2, 3, 4, 5, 6}, 3, {1, 0, 0, 1}, 2).takeValue();
    TrainResult result = setup.trainer->fit(threeFeatures);
    QCOMPARE(QString::fromStdString(result.status.message()), QString("training data: 3 features, the model expects 2"));
    QVERIFY(result.stopReason == StopReason::Failed);
    const TrainingSet threeTargets = TrainingSet::create({1, 2, 3, 4}, 2, {1, 0, 0, 0, 1, 0}, 3).takeValue();
    result = setup.trainer->fit(threeTargets);
    QCOMPARE(QString::fromStdString(result.status.message()),
             QString("training data: 3 targets per row, the model outputs 2"));
    QVERIFY(setup.trainer->setValidationSplit(0.6).isOk());
    result = setup.trainer->fit(TrainingSet::create({1, 2, 3, 4}, 2, {1, 0, 0, 1}, 2).takeValue());
    QCOMPARE(QString::fromStdString(result.status.message()),
             QString("validation_split: 0.6 of 2 rows leaves no training rows"));
    const auto labels = TrainingSet::fromLabels({1, 2}, 2, {5}, 2);
    QCOMPARE(QString::fromStdString(labels.message()), QString("training set: row 0 has label 5, expected 0..1"));
}

void TestTrainer::progressHookSeesEveryBatch()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 3), 2);
    std::vector<TrainProgress> seen;
    setup.trainer->setProgressHook([&](const TrainProgress &progress) {
        seen.push_back(progress);
        return ProgressAction::Continue;
    });
    const TrainResult result = setup.trainer->fit(blobs(100, 1)); // 7 steps per epoch (6 x 16 + 4)
    QVERIFY(result.status.isOk());
    QCOMPARE(seen.size(), std::size_t(21));
    QCOMPARE(seen.back().fraction, 1.0);
    QCOMPARE(seen[6].stepsPerEpoch, 7);
    QCOMPARE(seen[7].epoch, 1);
    QCOMPARE(seen[7].step, 0);
    QCOMPARE(seen[7].totalSteps, std::int64_t(21));
}

QTEST_APPLESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
