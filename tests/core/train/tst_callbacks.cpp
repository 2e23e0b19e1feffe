// Callbacks: History, LearningRateScheduler (per epoch and per step, Keras semantics),
// EarlyStopping (patience, min_delta, restore best weights), ModelCheckpoint, TerminateOnNaN.
#include "core/nn/WeightsFile.h"
#include "core/train/EarlyStopping.h"
#include "core/train/History.h"
#include "core/train/LearningRateScheduler.h"
#include "core/train/ModelCheckpoint.h"
#include "core/train/DivergenceGuard.h"
#include "core/train/TerminateOnNaN.h"

#include <QTemporaryDir>
#include <QtTest>

#include "TrainTestSupport.h"

using namespace loupe;
using namespace loupe::test;

namespace {

// Remembers the weights at the end of every epoch.
class WeightsRecorder : public Callback {
public:
    CallbackAction onEpochEnd(Trainer &trainer, const EpochStats &) override
    {
        snapshots.push_back(trainer.model().weights());
        return CallbackAction::Continue;
    }
    std::vector<std::vector<Matrix>> snapshots;
};

bool equal(const std::vector<Matrix> &a, const std::vector<Matrix> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// No dropout, no shuffling, learning rate 0: every epoch has exactly the same loss.
const char *s_frozen = R"({"layers": [{"type": "dense", "units": 4, "activation": "relu"},
                                      {"type": "dense", "units": 2, "activation": "softmax"}],
                           "loss": "categorical_crossentropy", "batch_size": 16, "seed": 1, "shuffle": false,
                           "optimizer": {"type": "sgd", "learning_rate": 0.0}, "epochs": 10})";

} // namespace

class TestCallbacks : public QObject {
    Q_OBJECT

private slots:
    void historyRecordsEpochsAndSteps();
    void epochScheduleFollowsKeras();
    void stepSchedule();
    void badScheduleStopsTheRun();
    void earlyStoppingPatience_data();
    void earlyStoppingPatience();
    void earlyStoppingMinDelta();
    void earlyStoppingRestoresBestWeights();
    void earlyStoppingNeedsItsMonitor();
    void checkpointBestOnly();
    void checkpointEveryEpoch();
    void checkpointWriteFailureStops();
    void terminateOnNaN();
    void terminateOnNaNMessageFormat();
    void divergenceGuardRule_data();
    void divergenceGuardRule();

private:
    QTemporaryDir m_dir;
};

void TestCallbacks::historyRecordsEpochsAndSteps()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam"})", 4, R"(, "validation_split": 0.2)"), 2);
    History history;
    setup.trainer->addCallback(history);
    const TrainResult result = setup.trainer->fit(blobs(100, 1)); // 80 train rows: 5 steps per epoch
    QVERIFY(result.status.isOk());
    QCOMPARE(history.epochs().size(), std::size_t(4));
    QCOMPARE(history.stepLosses().size(), std::size_t(20));
    QCOMPARE(history.stepLearningRates().size(), std::size_t(20));
    QCOMPARE(history.series("loss").size(), std::size_t(4));
    QVERIFY(history.series("val_loss")[3] == history.epochs()[3].valLoss);
    QVERIFY(history.series("val_accuracy")[0] >= 0.0);
    QCOMPARE(history.series("lr")[0], double(0.001f));
    QVERIFY(history.epochs()[3].loss < history.epochs()[0].loss);
    QVERIFY(history.epochs()[0].seconds > 0.0);
    QVERIFY(std::isnan(history.series("no_such_metric")[0]));
    // A second fit starts a fresh history.
    setup.trainer->fit(blobs(100, 1));
    QCOMPARE(history.epochs().size(), std::size_t(4));
}

void TestCallbacks::epochScheduleFollowsKeras()
{
    // Keras: schedule(epoch, lr) at each epoch start, epoch 0-based, lr the current rate.
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd", "learning_rate": 0.1})", 4), 2);
    std::vector<std::pair<int, double>> calls;
    LearningRateScheduler scheduler = LearningRateScheduler::perEpoch([&](int epoch, double lr) {
        calls.emplace_back(epoch, lr);
        return epoch == 0 ? lr : lr * 0.5;
    });
    History history;
    setup.trainer->addCallback(scheduler);
    setup.trainer->addCallback(history);
    QVERIFY(setup.trainer->fit(blobs(64, 1)).status.isOk());
    QCOMPARE(calls.size(), std::size_t(4));
    QCOMPARE(calls[0].first, 0);
    QCOMPARE(calls[3].first, 3);
    const std::vector<double> lr = history.series("lr");
    QCOMPARE(lr[0], double(0.1f));
    QCOMPARE(lr[1], double(0.05f));
    QCOMPARE(lr[3], double(0.0125f));
    QCOMPARE(calls[2].second, double(0.05f)); // receives the current rate
    QCOMPARE(history.stepLearningRates()[4], double(0.05f)); // 4 steps per epoch: step 4 is epoch 1
}

void TestCallbacks::stepSchedule()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 2), 2);
    LearningRateScheduler scheduler = LearningRateScheduler::perStep([](std::int64_t step) { return 0.1 / (1.0 + step); });
    History history;
    setup.trainer->addCallback(scheduler);
    setup.trainer->addCallback(history);
    QVERIFY(setup.trainer->fit(blobs(64, 1)).status.isOk());
    QCOMPARE(history.stepLearningRates().size(), std::size_t(8));
    for (std::size_t step = 0; step < 8; ++step)
        QCOMPARE(history.stepLearningRates()[step], double(static_cast<float>(0.1 / (1.0 + double(step)))));
}

void TestCallbacks::badScheduleStopsTheRun()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 5), 2);
    LearningRateScheduler scheduler = LearningRateScheduler::perEpoch([](int epoch, double lr) { return epoch == 2 ? -1.0 : lr; });
    setup.trainer->addCallback(scheduler);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QCOMPARE(result.status.code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(result.status.message()),
             QString("learning rate schedule at epoch 2: learning_rate: expected a finite number >= 0, got -1"));
    QCOMPARE(result.epochsCompleted, 2);
}

void TestCallbacks::earlyStoppingPatience_data()
{
    QTest::addColumn<int>("patience");
    QTest::addColumn<int>("stoppedEpoch");
    // Constant loss: best at epoch 0, then wait grows by one per epoch; stop once wait >= patience
    // and epoch > 0 (Keras).
    QTest::newRow("patience-0") << 0 << 1;
    QTest::newRow("patience-1") << 1 << 1;
    QTest::newRow("patience-3") << 3 << 3;
}

void TestCallbacks::earlyStoppingPatience()
{
    QFETCH(int, patience);
    QFETCH(int, stoppedEpoch);
    Setup setup = setupFromSpec(s_frozen, 2);
    EarlyStopping early({"loss", 0.0, patience, MonitorMode::Auto, RestoreBestWeights::Off});
    setup.trainer->addCallback(early);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QVERIFY(result.status.isOk());
    QVERIFY(result.stopReason == StopReason::StoppedByCallback);
    QCOMPARE(early.stoppedEpoch(), stoppedEpoch);
    QCOMPARE(early.bestEpoch(), 0);
    QCOMPARE(result.epochsCompleted, stoppedEpoch + 1);
}

void TestCallbacks::earlyStoppingMinDelta()
{
    // A learning model improves every epoch, but by less than a huge min_delta.
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam"})", 20), 2);
    EarlyStopping early({"loss", 10.0, 2, MonitorMode::Min, RestoreBestWeights::Off});
    setup.trainer->addCallback(early);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QCOMPARE(result.epochsCompleted, 3);
    QCOMPARE(early.stoppedEpoch(), 2);
}

void TestCallbacks::earlyStoppingRestoresBestWeights()
{
    // Monitoring the loss in "max" mode makes the first epoch the best of a learning run.
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam", "learning_rate": 0.01})", 20), 2);
    WeightsRecorder recorder;
    EarlyStopping early({"loss", 0.0, 2, MonitorMode::Max, RestoreBestWeights::On});
    setup.trainer->addCallback(recorder);
    setup.trainer->addCallback(early);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QCOMPARE(early.bestEpoch(), 0);
    QCOMPARE(result.epochsCompleted, 3);
    QVERIFY(!equal(setup.model->weights(), recorder.snapshots.back()));
    QVERIFY2(equal(setup.model->weights(), recorder.snapshots.front()), "best weights not restored");
}

void TestCallbacks::earlyStoppingNeedsItsMonitor()
{
    Setup setup = setupFromSpec(s_frozen, 2);
    EarlyStopping early(EarlyStopping::Options{});
    setup.trainer->addCallback(early);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QCOMPARE(result.status.code(), StatusCode::InvalidInput);
    QCOMPARE(QString::fromStdString(result.status.message()),
             QString("EarlyStopping: monitor val_loss: the run has no validation data"));
    QCOMPARE(result.epochsCompleted, 1);
}

void TestCallbacks::checkpointBestOnly()
{
    // Max mode on a falling loss: only the first epoch improves, so only it is saved.
    const std::string pattern = m_dir.filePath("best-{epoch}.weights").toStdString();
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam", "learning_rate": 0.01})", 4), 2);
    WeightsRecorder recorder;
    ModelCheckpoint checkpoint({pattern, "loss", MonitorMode::Max, SaveMode::BestOnly});
    setup.trainer->addCallback(recorder);
    setup.trainer->addCallback(checkpoint);
    QVERIFY(setup.trainer->fit(blobs(64, 1)).status.isOk());
    QCOMPARE(checkpoint.savedPaths().size(), std::size_t(1));
    QCOMPARE(checkpoint.savedPaths()[0], m_dir.filePath("best-01.weights").toStdString());
    QVERIFY(WeightsFile::load(checkpoint.savedPaths()[0], *setup.model).isOk());
    QVERIFY(equal(setup.model->weights(), recorder.snapshots.front()));
}

void TestCallbacks::checkpointEveryEpoch()
{
    const std::string path = m_dir.filePath("last.weights").toStdString();
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam"})", 3), 2);
    ModelCheckpoint checkpoint({path, "val_loss", MonitorMode::Auto, SaveMode::EveryEpoch});
    setup.trainer->addCallback(checkpoint);
    QVERIFY(setup.trainer->fit(blobs(64, 1)).status.isOk());
    QCOMPARE(checkpoint.savedPaths().size(), std::size_t(3));
    const auto final = setup.model->weights();
    Setup fresh = setupFromSpec(blobSpec(R"({"type": "adam"})", 3, R"(, "seed": 9)"), 2);
    QVERIFY(WeightsFile::load(path, *fresh.model).isOk());
    QVERIFY(equal(fresh.model->weights(), final));
}

void TestCallbacks::checkpointWriteFailureStops()
{
    const std::string path = m_dir.filePath("missing-dir/x.weights").toStdString();
    Setup setup = setupFromSpec(blobSpec(R"({"type": "adam"})", 3), 2);
    ModelCheckpoint checkpoint({path, "loss", MonitorMode::Auto, SaveMode::BestOnly});
    setup.trainer->addCallback(checkpoint);
    const TrainResult result = setup.trainer->fit(blobs(64, 1));
    QCOMPARE(result.status.code(), StatusCode::InvalidInput); // a path to nowhere (core/util/OutputPlan)
    QVERIFY2(result.status.message().rfind(path + ": the directory ", 0) == 0, result.status.message().c_str());
    QVERIFY(result.stopReason == StopReason::Failed);
    QCOMPARE(result.epochsCompleted, 1);
}

void TestCallbacks::terminateOnNaN()
{
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd", "learning_rate": 10000})", 50), 2);
    TerminateOnNaN guard;
    History history;
    setup.trainer->addCallback(guard);
    setup.trainer->addCallback(history);
    const TrainResult result = setup.trainer->fit(blobs(400, 2));
    QCOMPARE(result.status.code(), StatusCode::Failed);
    QVERIFY(result.stopReason == StopReason::Diverged);
    const double last = history.stepLosses().back();
    QVERIFY(!std::isfinite(last));
    const int epoch = int((result.stepsCompleted - 1) / 25), step = int((result.stepsCompleted - 1) % 25);
    QCOMPARE(QString::fromStdString(result.status.message()), QString::fromStdString(TerminateOnNaN::message(epoch, step, last)));
}

void TestCallbacks::terminateOnNaNMessageFormat()
{
    QCOMPARE(TerminateOnNaN::message(0, 4, std::nan("")), std::string("diverged at epoch 1, step 5, loss nan"));
    QCOMPARE(TerminateOnNaN::message(2, 0, HUGE_VAL), std::string("diverged at epoch 3, step 1, loss inf"));
    QCOMPARE(TerminateOnNaN::message(0, 0, -HUGE_VAL), std::string("diverged at epoch 1, step 1, loss -inf"));
    QCOMPARE(TerminateOnNaN::message(9, 99, 1.5e30), std::string("diverged at epoch 10, step 100, loss 1.5e+30"));
}

void TestCallbacks::divergenceGuardRule_data()
{
    QTest::addColumn<QList<double>>("losses");
    QTest::addColumn<int>("stopsAt"); // index of the batch that stops the run, -1 for none
    QTest::addColumn<QString>("reason");
    const QString rowOf3 = QStringLiteral(" (more than 100 x the first batch loss 0.5 for 3 batches in a row)");
    QTest::newRow("healthy") << QList<double>{0.5, 0.4, 0.3, 0.2} << -1 << QString();
    QTest::newRow("one spike trains on") << QList<double>{0.5, 0.4, 80.0, 0.3, 0.2} << -1 << QString();
    QTest::newRow("two spikes, then a normal batch") << QList<double>{0.5, 60.0, 70.0, 0.4, 90.0, 0.3} << -1 << QString();
    QTest::newRow("three in a row") << QList<double>{0.5, 0.4, 60.0, 70.0, 80.0, 0.3} << 4 << rowOf3;
    QTest::newRow("at the limit is not above") << QList<double>{0.5, 50.0, 50.0, 50.0} << -1 << QString();
    QTest::newRow("far above at once") << QList<double>{0.5, 0.4, 5001.0} << 2
                                        << QStringLiteral(" (more than 10000 x the first batch loss 0.5)");
    QTest::newRow("non-finite skipped, reference is the first finite")
        << QList<double>{qQNaN(), 0.5, 60.0, qInf(), 60.0, 60.0} << 5 << rowOf3;
}

// The first finite batch loss is the reference; three batches in a row above 100 x it, or one above
// 10,000 x, end the run as diverged. A single spike (class weights and an outlier row) does not.
void TestCallbacks::divergenceGuardRule()
{
    QFETCH(QList<double>, losses);
    QFETCH(int, stopsAt);
    QFETCH(QString, reason);
    Setup setup = setupFromSpec(blobSpec(R"({"type": "sgd"})", 3), 2);
    DivergenceGuard guard;
    QVERIFY(guard.onTrainBegin(*setup.trainer) == CallbackAction::Continue);
    int stopped = -1;
    for (int i = 0; i < losses.size(); ++i) {
        BatchStats stats;
        stats.step = i;
        stats.loss = losses[i];
        if (guard.onBatchEnd(*setup.trainer, stats) == CallbackAction::Stop) {
            stopped = i;
            break;
        }
    }
    QCOMPARE(stopped, stopsAt);
    if (stopsAt >= 0) {
        const std::string expected = TerminateOnNaN::message(0, stopsAt, losses[stopsAt]) + reason.toStdString();
        QVERIFY(setup.trainer->requestedStop().has_value());
        QCOMPARE(QString::fromStdString(setup.trainer->requestedStop()->message()), QString::fromStdString(expected));
    }
}

QTEST_APPLESS_MAIN(TestCallbacks)
#include "tst_callbacks.moc"
