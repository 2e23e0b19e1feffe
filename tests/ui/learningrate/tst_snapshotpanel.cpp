// The Learning-rate page's snapshot-ensemble tab offscreen: a small run (M=3 cycles in T=3 epochs
// on tiny.csv) runs in the background to its end; the rate plot has a point per step and a marker
// per snapshot, the accuracy plot a bar per snapshot plus the ensemble and the single model; the
// run is stored as a 'snapshot' run (summary = snapshotReportJson, a metrics row per snapshot)
// and a new page lists it and re-opens it with the same numbers; both plots export; bad fields
// show a message. Also the JSON round trip of a report.

#include "ui/common/DatasetSession.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/learningrate/SnapshotPanel.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/learningrate/SnapshotAccuracyPlot.h"
#include "ui/learningrate/SnapshotRatePlot.h"

#include "jobs/JobRunner.h"
#include "core/data/CsvReader.h"
#include "core/lr/SnapshotReportJson.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kRunTimeoutMs = 60000;

} // namespace

class TestSnapshotPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runDrawsStoresAndReopens();
    void badFieldShowsMessage();
    void reportJsonRoundTrip();

private:
    QTemporaryDir m_dir;
    QString m_workspace;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    LearningRatePage *m_page = nullptr;
};

void TestSnapshotPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
}

void TestSnapshotPanel::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    m_workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new LearningRatePage(PageContext {m_runner, m_session, m_workspace});
    m_page->resize(1400, 860);
    m_page->show();
}

void TestSnapshotPanel::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestSnapshotPanel::runDrawsStoresAndReopens()
{
    SnapshotPanel *panel = m_page->snapshotPanel();
    QCOMPARE(m_page->tabs()->indexOf(panel), 2);
    m_session->setCurrent(tinyTable());
    panel->setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    panel->setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    panel->setCycles(3);
    panel->setEpochs(3);
    panel->setStartRate(QStringLiteral("0.05"));
    QSignalSpy finished(panel, &SnapshotPanel::runFinished);
    QSignalSpy failed(panel, &SnapshotPanel::runFailed);
    panel->startRun();
    QVERIFY2(panel->isRunning(), qPrintable(panel->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kRunTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(panel->messageText()));
    const auto outcome = finished.first().first().value<SnapshotOutcome>();
    const SnapshotReport &report = outcome.report;
    QVERIFY2(report.status.isOk(), report.status.message().c_str());
    QCOMPARE(int(report.snapshots.size()), 3);
    QVERIFY(report.singleModelTest.has_value());
    QVERIFY(outcome.storedRunId > 0);

    QCOMPARE(panel->ratePlot()->pointCount(), int(report.totalIterations));
    QCOMPARE(panel->ratePlot()->markerCount(), 3);
    const QStringList labels = panel->accuracyPlot()->labels();
    QCOMPARE(labels.size(), 5); // S1..S3, the ensemble, the single model
    QVERIFY(labels.at(3).startsWith(QStringLiteral("ensemble (K=")));
    QCOMPARE(labels.at(4), QStringLiteral("single model"));
    QCOMPARE(panel->accuracyPlot()->testAccuracies().at(3), report.ensembleTest.accuracy);

    // Stored as the CLI stores it.
    auto store = Store::open(m_workspace);
    QVERIFY(store.isOk());
    RunRepository runs(*store.value());
    auto record = runs.findRun(outcome.storedRunId);
    QVERIFY(record.isOk() && record.value().has_value());
    QCOMPARE(record.value()->kind, RunKind::Snapshot);
    auto stored = snapshotReportFromJson(record.value()->summaryJson.toStdString());
    QVERIFY2(stored.isOk(), stored.message().c_str());
    QCOMPARE(stored.value().ensembleTest.accuracy, report.ensembleTest.accuracy);
    QCOMPARE(int(runs.epochMetrics(outcome.storedRunId).value().size()), 3);

    // Both plots export.
    for (PlotWidget *plot : {static_cast<PlotWidget *>(panel->ratePlot()), static_cast<PlotWidget *>(panel->accuracyPlot())}) {
        const QString path = m_dir.filePath(plot->exportName() + QStringLiteral(".svg"));
        QVERIFY(plot->exportTo(path, QSize(800, 500)).isOk());
        QVERIFY(QFileInfo(path).size() > 0);
        QVERIFY(plot->dataAsCsv().count(QLatin1Char('\n')) >= 3);
    }

    // A new page lists the run and re-opens it.
    LearningRatePage reopened(PageContext {m_runner, m_session, m_workspace});
    SnapshotPanel *again = reopened.snapshotPanel();
    QTRY_COMPARE(again->runList()->count(), 1);
    QCOMPARE(again->accuracyPlot()->labels().size(), 0);
    again->runList()->setCurrentRow(0);
    QCOMPARE(again->accuracyPlot()->labels(), labels);
    QCOMPARE(again->ratePlot()->markerCount(), 3);
    QVERIFY(again->summaryText().contains(QStringLiteral("ensemble of the last")));
}

void TestSnapshotPanel::badFieldShowsMessage()
{
    SnapshotPanel *panel = m_page->snapshotPanel();
    panel->setStartRate(QStringLiteral("fast"));
    panel->startRun();
    QVERIFY(!panel->isRunning());
    QVERIFY2(panel->messageText().startsWith(QStringLiteral("Cycle start rate: 'fast'")), qPrintable(panel->messageText()));
}

void TestSnapshotPanel::reportJsonRoundTrip()
{
    SnapshotReport report;
    report.snapshots = {{1, 10, true, {0.5, 0.8}, {0.55, 0.79}}, {2, 20, true, {0.4, 0.85}, {0.45, 0.83}}};
    report.candidates = {{1, {0.4, 0.85}}, {2, {0.38, 0.86}}};
    report.chosenSize = 2;
    report.ensembleValidation = {0.38, 0.86};
    report.ensembleTest = {0.41, 0.84};
    report.lr0 = 0.05;
    report.stepsPerEpoch = 5;
    report.cycleLength = 10;
    report.totalIterations = 20;
    report.seconds = 1.5;
    auto back = snapshotReportFromJson(snapshotReportJson(report).dump());
    QVERIFY2(back.isOk(), back.message().c_str());
    QCOMPARE(back.value().snapshots.size(), std::size_t(2));
    QCOMPARE(back.value().snapshots[1].test.accuracy, 0.83);
    QCOMPARE(back.value().chosenSize, 2);
    QCOMPARE(back.value().candidates.size(), std::size_t(2));
    QVERIFY(!back.value().singleModelTest.has_value());
    QCOMPARE(snapshotReportJson(back.value()).dump(), snapshotReportJson(report).dump());
    const std::vector<double> rates = snapshotRates(report);
    QCOMPARE(rates.size(), std::size_t(20));
    QCOMPARE(rates[0], 0.05);
    QCOMPARE(rates[10], 0.05); // the second cycle restarts
    QVERIFY(std::abs(rates[5] - 0.025) < 1e-12);
    QVERIFY(!snapshotReportFromJson(R"({"snapshots": 3})").isOk());
}

QTEST_MAIN(TestSnapshotPanel)
#include "tst_snapshotpanel.moc"
