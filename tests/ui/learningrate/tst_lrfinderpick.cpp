// A learning-rate point offers "use this rate" (LrFinderPlot, LrFinderPanel): after a finder run on a
// tiny table, a click on a point of its curve picks that rate (rateClicked, a ring on the point, the
// label says so), and "Use this rate for training" then sends the picked rate instead of the
// recommended one; a new run goes back to its recommendation.

#include "ui/common/DatasetSession.h"
#include "ui/common/PlotHighlight.h"
#include "ui/learningrate/LrFinderPanel.h"
#include "ui/learningrate/LrFinderPlot.h"
#include "ui/train/TrainSetupPanel.h"

#include "jobs/JobRunner.h"

#include "tests/support/PlotEvents.h"
#include "tests/support/TrainFixtures.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;
using namespace loupe::testsupport;

class TestLrFinderPick : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clickedPointIsTheRateToUse();

private:
    QTemporaryDir m_dir;
};

void TestLrFinderPick::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestLrFinderPick::clickedPointIsTheRateToUse()
{
    JobRunner runner;
    DatasetSession session;
    session.setCurrent(tinyTable());
    LrFinderPanel panel(PageContext{&runner, &session, m_dir.filePath(QStringLiteral("pick.sqlite"))});
    panel.setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    panel.setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    panel.setMode(LrFindMode::OnePass);
    panel.setSteps(40);
    panel.resize(1100, 800);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy finished(&panel, &LrFinderPanel::runFinished);
    panel.startRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.plot()->curves().isEmpty(), 10000);
    const double recommended = panel.recommendedRate();

    LrFinderPlot *plot = panel.plot();
    plot->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    // A drawn point with a finite loss, away from the recommended rate.
    const QCPGraph *curve = plot->customPlot()->graph(0);
    auto point = curve->data()->constBegin() + curve->dataCount() / 3;
    while (!std::isfinite(point->value) || point->key == recommended)
        ++point;
    const double rate = point->key, loss = point->value; // the click redraws the curves
    QSignalSpy clicked(plot, &LrFinderPlot::rateClicked);
    click(*plot, pixelOf(*plot, rate, loss));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().front().toDouble(), rate);
    QCOMPARE(panel.chosenRate(), rate);
    QCOMPARE(plot->highlight()->marks().size(), 1);
    QCOMPARE(plot->highlight()->marks().front().x(), rate);
    bool labelSaysSo = false;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        labelSaysSo = labelSaysSo || label->text().startsWith(QStringLiteral("Picked on the plot"));
    QVERIFY(labelSaysSo);

    auto *use = panel.findChild<QPushButton *>(QStringLiteral("useRate"));
    QVERIFY(use && use->isEnabled());
    QSignalSpy chosen(&panel, &LrFinderPanel::learningRateChosen);
    use->click();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toDouble(), rate);

    // Another run: its recommendation again.
    panel.startRun();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QCOMPARE(panel.chosenRate(), panel.recommendedRate());
}

QTEST_MAIN(TestLrFinderPick)
#include "tst_lrfinderpick.moc"
