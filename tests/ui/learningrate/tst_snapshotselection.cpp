// Linked selection on the snapshot-ensemble tab (issue 25): a click on a snapshot's marker (or on the
// rate of a step of its cycle) or on its accuracy bar selects that snapshot on both plots (ringed) and
// describes it under them; the ensemble and single-model bars select nothing; a new report clears the
// selection. Synthetic mouse events on a report made up here (no training).

#include "ui/common/DatasetSession.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotReadout.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/learningrate/SnapshotAccuracyPlot.h"
#include "ui/learningrate/SnapshotPanel.h"
#include "ui/learningrate/SnapshotRatePlot.h"

#include "core/lr/SnapshotReportJson.h"
#include "jobs/JobRunner.h"

#include "tests/support/PlotEvents.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

constexpr int kStepsPerEpoch = 10;

// Three cycles of ten steps, one per epoch; snapshot i (0-based) has test accuracy 0.80 + 0.02 i.
SnapshotReport threeSnapshots()
{
    SnapshotReport report;
    report.lr0 = 0.1;
    report.stepsPerEpoch = kStepsPerEpoch;
    report.cycleLength = kStepsPerEpoch;
    report.totalIterations = 3 * kStepsPerEpoch;
    for (int i = 0; i < 3; ++i) {
        SnapshotScore snapshot;
        snapshot.index = i + 1;
        snapshot.iteration = (i + 1) * kStepsPerEpoch;
        snapshot.test.accuracy = 0.80 + 0.02 * i;
        snapshot.validation.accuracy = 0.79 + 0.02 * i;
        report.snapshots.push_back(snapshot);
    }
    report.chosenSize = 2;
    report.ensembleTest.accuracy = 0.86;
    report.ensembleValidation.accuracy = 0.85;
    return report;
}

} // namespace

class TestSnapshotSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clickOnAMarkerSelectsTheSnapshotOnBothPlots();
    void clickOnABarSelectsTheSnapshotOnBothPlots();
    void clickOnTheRateSelectsTheSnapshotOfItsCycle_data();
    void clickOnTheRateSelectsTheSnapshotOfItsCycle();
    void newReportClearsTheSelection();

private:
    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<DatasetSession> m_session;
    std::unique_ptr<LearningRatePage> m_page;
    SnapshotPanel *m_panel = nullptr;
};

void TestSnapshotSelection::init()
{
    m_runner = std::make_unique<JobRunner>();
    m_session = std::make_unique<DatasetSession>();
    m_page = std::make_unique<LearningRatePage>(PageContext {m_runner.get(), m_session.get(), QString()});
    m_panel = m_page->snapshotPanel();
    m_page->tabs()->setCurrentWidget(m_panel);
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_panel->showReport(threeSnapshots(), QStringLiteral("made up"));
    m_panel->ratePlot()->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    m_panel->accuracyPlot()->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

void TestSnapshotSelection::cleanup()
{
    m_page.reset();
    m_session.reset();
    m_runner.reset();
}

void TestSnapshotSelection::clickOnAMarkerSelectsTheSnapshotOnBothPlots()
{
    SnapshotRatePlot *rate = m_panel->ratePlot();
    const std::vector<double> rates = snapshotRates(threeSnapshots());
    const QPointF marker(2.0, rates[2 * kStepsPerEpoch - 1]); // S2, saved after step 20
    hover(*rate, pixelOf(*rate, marker.x(), marker.y()));
    QVERIFY2(rate->readout()->text().endsWith(QStringLiteral("click: select snapshot S2")), qPrintable(rate->readout()->text()));
    QSignalSpy clicked(rate, &SnapshotRatePlot::snapshotClicked);
    click(*rate, pixelOf(*rate, marker.x(), marker.y()));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.front().front().toInt(), 1);
    QCOMPARE(rate->selectedSnapshot(), 1);
    QCOMPARE(rate->highlight()->marks(), QVector<QPointF>{marker});
    QCOMPARE(m_panel->accuracyPlot()->selectedSnapshot(), 1);
    QCOMPARE(m_panel->accuracyPlot()->highlight()->marks(), (QVector<QPointF>{QPointF(2, 0.82)}));
    QVERIFY2(m_panel->summaryText().contains(QStringLiteral("Selected: S2, saved after step 20 (epoch 2)")),
             qPrintable(m_panel->summaryText()));
}

void TestSnapshotSelection::clickOnABarSelectsTheSnapshotOnBothPlots()
{
    SnapshotAccuracyPlot *accuracy = m_panel->accuracyPlot();
    QSignalSpy clicked(accuracy, &SnapshotAccuracyPlot::snapshotClicked);
    click(*accuracy, pixelOf(*accuracy, 3, 0.84)); // the top of S3's bar
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(accuracy->selectedSnapshot(), 2);
    QCOMPARE(accuracy->highlight()->marks(), (QVector<QPointF>{QPointF(3, 0.84)}));
    QCOMPARE(m_panel->ratePlot()->selectedSnapshot(), 2);
    QCOMPARE(m_panel->ratePlot()->highlight()->marks().size(), 1);
    QCOMPARE(m_panel->ratePlot()->highlight()->marks().front().x(), 3.0);
    // The ensemble's bar stands for no snapshot: the selection stays.
    click(*accuracy, pixelOf(*accuracy, 4, 0.86));
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(accuracy->selectedSnapshot(), 2);
}

void TestSnapshotSelection::clickOnTheRateSelectsTheSnapshotOfItsCycle_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<int>("snapshot");
    QTest::newRow("first step") << 0 << 0;
    QTest::newRow("middle of cycle 2") << 14 << 1;
    QTest::newRow("last step of cycle 2") << 19 << 1;
    QTest::newRow("first step of cycle 3") << 20 << 2;
    QTest::newRow("past the last snapshot") << 30 << -1;
}

void TestSnapshotSelection::clickOnTheRateSelectsTheSnapshotOfItsCycle()
{
    QFETCH(int, step);
    QFETCH(int, snapshot);
    SnapshotRatePlot *rate = m_panel->ratePlot();
    QCOMPARE(rate->snapshotOfStep(step), snapshot);
}

void TestSnapshotSelection::newReportClearsTheSelection()
{
    m_panel->selectSnapshot(0);
    QCOMPARE(m_panel->accuracyPlot()->selectedSnapshot(), 0);
    m_panel->showReport(threeSnapshots(), QStringLiteral("again"));
    QCOMPARE(m_panel->ratePlot()->selectedSnapshot(), -1);
    QCOMPARE(m_panel->accuracyPlot()->selectedSnapshot(), -1);
    QVERIFY(m_panel->ratePlot()->highlight()->isEmpty());
    QVERIFY(!m_panel->summaryText().contains(QStringLiteral("Selected:")));
}

QTEST_MAIN(TestSnapshotSelection)
#include "tst_snapshotselection.moc"
