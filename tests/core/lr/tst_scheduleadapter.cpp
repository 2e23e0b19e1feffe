// ScheduleAdapter: a Schedule drives the Trainer's LearningRateScheduler per epoch, per step, or
// per step in fractional epochs; the rates the trainer actually used are read back from History.
#include "LrTestData.h"

#include "core/lr/ScheduleAdapter.h"
#include "core/optim/CosineAnnealSchedule.h"
#include "core/optim/WarmRestartsSchedule.h"
#include "core/train/History.h"
#include "core/train/ModelFactory.h"
#include "core/train/Trainer.h"

#include <QtTest>

#include <cmath>

using namespace loupe;

namespace {

struct Rig {
    Sequential model;
    std::unique_ptr<Trainer> trainer;
    History history;
};

// 64 rows, batch 16: 4 steps per epoch.
std::unique_ptr<Rig> makeRig(int epochs)
{
    auto rig = std::make_unique<Rig>();
    const ModelSpec spec = testing::blobSpec();
    rig->model = ModelFactory::buildModel(spec, 2).takeValue();
    rig->trainer = std::make_unique<Trainer>(rig->model, ModelFactory::buildOptimizer(spec.optimizer),
                                             ModelFactory::buildLoss(spec));
    (void)ModelFactory::configureTrainer(spec, *rig->trainer);
    (void)rig->trainer->setEpochs(epochs);
    rig->trainer->addCallback(rig->history);
    return rig;
}

bool closeAsFloat(double actual, double expected)
{
    return std::fabs(actual - expected) <= 1e-6 * std::max(1e-3, std::fabs(expected));
}

} // namespace

class TestScheduleAdapter : public QObject {
    Q_OBJECT

private slots:
    void perEpochFollowsTheChapterCosine();
    void perStepFollowsOneCycle();
    void perStepInEpochsGivesFractionalRestarts();
    void fromSpecPicksTheUnit();
};

void TestScheduleAdapter::perEpochFollowsTheChapterCosine()
{
    const TrainingSet data = testing::blobs(64, 1, 1.0);
    auto rig = makeRig(7);
    auto schedule = std::make_shared<CosineAnnealSchedule>(1e-2, 5, CosineCycle::Clamp);
    LearningRateScheduler callback = ScheduleAdapter::perEpoch(schedule);
    rig->trainer->addCallback(callback);
    QVERIFY(rig->trainer->fit(data).status.isOk());
    const std::vector<double> rates = rig->history.series("lr");
    QCOMPARE(rates.size(), std::size_t(7));
    for (int epoch = 0; epoch < 7; ++epoch)
        QVERIFY2(closeAsFloat(rates[epoch], schedule->learningRate(epoch)), qPrintable(QString::number(rates[epoch])));
    const std::vector<double> steps = rig->history.stepLearningRates();
    QCOMPARE(steps.size(), std::size_t(28));
    QCOMPARE(steps[4], steps[7]); // constant within an epoch
}

void TestScheduleAdapter::perStepFollowsOneCycle()
{
    const TrainingSet data = testing::blobs(64, 1, 1.0);
    auto rig = makeRig(5);
    OneCycleSchedule::Options options;
    options.maxLr = 0.2;
    options.totalSteps = 20;
    auto schedule = std::make_shared<OneCycleSchedule>(options);
    LearningRateScheduler callback = ScheduleAdapter::perStep(schedule);
    rig->trainer->addCallback(callback);
    QVERIFY(rig->trainer->fit(data).status.isOk());
    const std::vector<double> used = rig->history.stepLearningRates();
    QCOMPARE(used.size(), std::size_t(20));
    QVERIFY(closeAsFloat(used.front(), 0.2 / 25));
    QVERIFY(closeAsFloat(used[5], 0.2)); // peak at 0.3 * 20 - 1
    QVERIFY(closeAsFloat(used.back(), 0.2 / 25 / 1e4));
    for (int step = 0; step < 20; ++step)
        QVERIFY(closeAsFloat(used[step], schedule->learningRate(step)));
}

void TestScheduleAdapter::perStepInEpochsGivesFractionalRestarts()
{
    const TrainingSet data = testing::blobs(64, 1, 1.0);
    auto rig = makeRig(3);
    // T0 = 1 epoch: restarts at steps 0, 4, 8; Tcur = step / 4 within each.
    auto schedule = std::make_shared<WarmRestartsSchedule>(0.1, 1, 1, 0.0);
    LearningRateScheduler callback = ScheduleAdapter::perStepInEpochs(schedule, 4);
    rig->trainer->addCallback(callback);
    QVERIFY(rig->trainer->fit(data).status.isOk());
    const std::vector<double> used = rig->history.stepLearningRates();
    QCOMPARE(used.size(), std::size_t(12));
    const double withinEpoch[4] = {0.1, 0.05 * (1 + std::cos(M_PI / 4)), 0.05, 0.05 * (1 - std::cos(M_PI / 4))};
    for (int step = 0; step < 12; ++step)
        QVERIFY2(closeAsFloat(used[step], withinEpoch[step % 4]), qPrintable(QString::number(step)));
}

void TestScheduleAdapter::fromSpecPicksTheUnit()
{
    const TrainingSet data = testing::blobs(64, 1, 1.0);
    auto perStep = makeRig(2);
    ScheduleSpec spec = ScheduleSpec::parse(R"({"name":"exponential","lr0":0.1,"gamma":0.5,"per":"step"})").takeValue();
    LearningRateScheduler stepCallback = ScheduleAdapter::fromSpec(spec);
    perStep->trainer->addCallback(stepCallback);
    QVERIFY(perStep->trainer->fit(data).status.isOk());
    QVERIFY(closeAsFloat(perStep->history.stepLearningRates()[3], 0.1 * 0.125));

    auto perEpoch = makeRig(2);
    spec.unit = ScheduleUnit::Epoch;
    LearningRateScheduler epochCallback = ScheduleAdapter::fromSpec(spec);
    perEpoch->trainer->addCallback(epochCallback);
    QVERIFY(perEpoch->trainer->fit(data).status.isOk());
    QVERIFY(closeAsFloat(perEpoch->history.stepLearningRates()[3], 0.1));
    QVERIFY(closeAsFloat(perEpoch->history.stepLearningRates()[4], 0.05));
}

QTEST_APPLESS_MAIN(TestScheduleAdapter)
#include "tst_scheduleadapter.moc"
