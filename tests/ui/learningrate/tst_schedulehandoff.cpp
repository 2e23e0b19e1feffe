// "Use for training" in the Learning-rate page's schedule designer: the schedule reaches the Train
// page through MainWindow (shown on the setup panel, put into the request), and a run started there
// trains with it (each epoch's rate is the chapter cosine's; the mini Fashion-MNIST fixture).
// "Clear" goes back to the spec's rate.

#include "ui/MainWindow.h"
#include "ui/common/TrainCurves.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/learningrate/ScheduleDesignerPanel.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

#include <cmath>

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kTrainTimeoutMs = 60000;

} // namespace

class TestScheduleHandoff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void designedScheduleTrainsOnTheTrainPage();
    void invalidScheduleCannotBeSent();

private:
    QTemporaryDir m_dir;
};

void TestScheduleHandoff::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
    qputenv("LOUPE_FASHION_MNIST_DIR", fixture(QStringLiteral("fmnist-tiny")).toUtf8());
}

void TestScheduleHandoff::designedScheduleTrainsOnTheTrainPage()
{
    MainWindow window(m_dir.filePath(QStringLiteral("window.sqlite")));
    auto *page = window.findChild<LearningRatePage *>();
    auto *train = window.findChild<TrainPage *>();
    QVERIFY(page && train);
    ScheduleDesignerPanel *designer = page->scheduleDesigner();
    designer->setKind(ScheduleKind::Cosine);
    QVERIFY(designer->setParameter(QStringLiteral("lr0"), QStringLiteral("0.01")));
    QVERIFY(designer->setParameter(QStringLiteral("length"), QStringLiteral("5")));
    QSignalSpy chosen(page, &LearningRatePage::scheduleChosen);
    QVERIFY(designer->useButton()->isEnabled());
    QTest::mouseClick(designer->useButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);

    TrainSetupPanel *setup = train->setupPanel();
    QVERIFY(setup->schedule().has_value());
    QCOMPARE(setup->schedule()->kind, ScheduleKind::Cosine);
    QVERIFY2(setup->scheduleLabel()->text().startsWith(QStringLiteral("cosine: lr0 0.01, length 5")),
             qPrintable(setup->scheduleLabel()->text()));

    // A run on the Train page trains with it: epoch e at 0.01/2 (cos(pi min(e,4)/5) + 1).
    setup->setSource(TrainSetupPanel::Source::FashionMnist);
    setup->setSpecText(QStringLiteral(R"({"name": "small", "layers": [
        {"type": "dense", "units": 8, "activation": "relu"}, {"type": "dense", "units": 10, "activation": "softmax"}],
        "optimizer": "sgd", "loss": "categorical_crossentropy", "batch_size": 16, "seed": 3})"));
    setup->setEpochs(6);
    auto request = setup->request(QString());
    QVERIFY(request.isOk());
    QVERIFY(request.value().overrides.schedule.has_value());
    QSignalSpy finished(train, &TrainPage::trainingFinished);
    QSignalSpy failed(train, &TrainPage::trainingFailed);
    train->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kTrainTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(train->messageText()));
    const RunCurves &live = train->curves()->live();
    QCOMPARE(live.epochLearningRate.size(), 6);
    for (int epoch = 0; epoch < 6; ++epoch) {
        const double expected = 0.005 * (std::cos(M_PI * std::min(epoch, 4) / 5.0) + 1.0);
        QVERIFY2(std::abs(live.epochLearningRate[epoch] - expected) <= 1e-6 * expected,
                 qPrintable(QStringLiteral("epoch %1: %2").arg(epoch).arg(live.epochLearningRate[epoch])));
    }

    auto *clear = setup->findChild<QPushButton *>(QStringLiteral("clearSchedule"));
    QVERIFY(clear && clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QVERIFY(!setup->schedule().has_value());
    QVERIFY(!setup->request(QString()).value().overrides.schedule.has_value());
}

void TestScheduleHandoff::invalidScheduleCannotBeSent()
{
    ScheduleDesignerPanel designer;
    designer.setKind(ScheduleKind::Cosine);
    QVERIFY(designer.useButton()->isEnabled());
    QVERIFY(designer.setParameter(QStringLiteral("lr0"), QStringLiteral("-1")));
    QVERIFY(!designer.useButton()->isEnabled());
    QSignalSpy chosen(&designer, &ScheduleDesignerPanel::scheduleChosen);
    QTest::mouseClick(designer.useButton(), Qt::LeftButton);
    QCOMPARE(chosen.count(), 0);
}

QTEST_MAIN(TestScheduleHandoff)
#include "tst_schedulehandoff.moc"
