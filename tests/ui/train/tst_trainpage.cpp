// The Train page offscreen: a tiny CSV training started from the page finishes, its curves reach
// every plot (through the coalescing redraw timer, not per signal), the runs list shows the
// stored run (read off the UI thread, so the test waits for the read), checking an older run
// overlays its stored curves, a diverged run shows its message, Cancel stores the run as
// cancelled, a run a killed process left behind shows as interrupted with its reason, Fashion-MNIST
// (a tiny IDX directory) trains, and every plot exports to PNG, PDF, SVG.

#include "ui/common/DatasetSession.h"
#include "ui/common/TrainCurves.h"
#include "ui/train/TrainRunListModel.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/common/BatchLossPlot.h"
#include "ui/common/EpochAccuracyPlot.h"
#include "ui/common/EpochLossPlot.h"
#include "ui/train/LearningRatePlot.h"

#include "jobs/JobRunner.h"
#include "core/optim/ScheduleSpec.h"
#include "core/data/CsvReader.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "ui/common/StoredRunsHeader.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kTrainTimeoutMs = 60000;

} // namespace

class TestTrainPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void csvTrainingFillsPlotsAndRunsList();
    void checkingAStoredRunOverlaysIt();
    void divergedRunShowsMessage();
    void cancelKeepsRunAsCancelled();
    void interruptedRunShowsItsReason();
    void fashionMnistTrains();
    void plotsExport();
    void badSettingsShowMessage();
    void specScalingIsStoredAndShown();
    void scalingChoiceBeatsTheSpec();
    void scheduleAndRateNeverBothApply();

private:
    void useTinyCsv();
    void trainAndWait();

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    TrainPage *m_page = nullptr;
};

void TestTrainPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
    qputenv("LOUPE_FASHION_MNIST_DIR", fixture(QStringLiteral("fmnist-tiny")).toUtf8());
}

void TestTrainPage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    const QString workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new TrainPage(PageContext{m_runner, m_session, workspace});
    m_page->resize(1400, 860);
    m_page->show();
}

void TestTrainPage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestTrainPage::useTinyCsv()
{
    m_session->setCurrent(tinyTable());
    TrainSetupPanel *setup = m_page->setupPanel();
    setup->setSource(TrainSetupPanel::Source::LoadedTable);
    QCOMPARE(setup->targetColumn(), QStringLiteral("label")); // the last column by default
    setup->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
}

void TestTrainPage::trainAndWait()
{
    QSignalSpy finished(m_page, &TrainPage::trainingFinished);
    QSignalSpy failed(m_page, &TrainPage::trainingFailed);
    m_page->startTraining();
    QVERIFY2(m_page->isTraining(), qPrintable(m_page->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kTrainTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(m_page->messageText()));
    QVERIFY(!m_page->isTraining());
}

void TestTrainPage::csvTrainingFillsPlotsAndRunsList()
{
    QAbstractItemModelTester tester(m_page->runListModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    useTinyCsv();
    m_page->setupPanel()->setEpochs(4);
    const int redrawsBefore = m_page->redrawCount();
    trainAndWait();
    const RunCurves &live = m_page->curves()->live();
    QCOMPARE(live.epochs.size(), 4);
    QCOMPARE(live.steps.size(), 4 * 6);
    QVERIFY(live.storedRunId > 0);
    // The plots follow the model once the coalescing timer fires.
    QTRY_VERIFY(m_page->lossPlot()->pointCount() >= 8); // training + validation per epoch
    QVERIFY(m_page->accuracyPlot()->pointCount() >= 8);
    QVERIFY(m_page->batchLossPlot()->pointCount() >= 24);
    QCOMPARE(m_page->learningRatePlot()->pointCount(), 24);
    QVERIFY(m_page->redrawCount() > redrawsBefore);
    QVERIFY2(m_page->redrawCount() - redrawsBefore < 4 + 24, "redrawn per signal instead of coalesced");
    QVERIFY2(m_page->messageText().contains(QStringLiteral("test accuracy")), qPrintable(m_page->messageText()));
    QCOMPARE(m_page->progressBar()->value(), 1000);

    QTRY_VERIFY(!m_page->isLoading()); // the runs list and overlays are read off the UI thread
    TrainRunListModel *runs = m_page->runListModel();
    QCOMPARE(runs->rowCount(), 1);
    QCOMPARE(runs->runAt(0).record.id, live.storedRunId);
    QCOMPARE(runs->runAt(0).record.status, RunStatus::Completed);
    QCOMPARE(runs->runAt(0).specName, QStringLiteral("tiny-mlp"));
    QCOMPARE(runs->runAt(0).epochsCompleted, 4);
}

void TestTrainPage::checkingAStoredRunOverlaysIt()
{
    useTinyCsv();
    m_page->setupPanel()->setEpochs(2);
    trainAndWait();
    const qint64 first = m_page->curves()->live().storedRunId;
    m_page->setupPanel()->setSeed(3);
    trainAndWait();
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->runListModel()->rowCount(), 2);
    const int lossSeries = m_page->lossPlot()->seriesCount();

    TrainRunListModel *runs = m_page->runListModel();
    const QModelIndex cell = runs->index(runs->rowOf(first), TrainRunListModel::RunColumn);
    QVERIFY(runs->setData(cell, Qt::Checked, Qt::CheckStateRole));
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->curves()->overlays().size(), 1);
    const RunCurves &overlay = m_page->curves()->overlays().first();
    QCOMPARE(overlay.storedRunId, first);
    QCOMPARE(overlay.epochs.size(), 2);
    QCOMPARE(overlay.smoothedLoss.size(), 12);
    QTRY_COMPARE(m_page->lossPlot()->seriesCount(), lossSeries + 2);

    // Checking the live run itself adds nothing; unchecking removes the overlay.
    runs->setChecked(m_page->curves()->live().storedRunId, true);
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->curves()->overlays().size(), 1);
    runs->setChecked(first, false);
    runs->setChecked(m_page->curves()->live().storedRunId, false);
    QTRY_VERIFY(!m_page->isLoading());
    QVERIFY(m_page->curves()->overlays().isEmpty());
}

void TestTrainPage::divergedRunShowsMessage()
{
    useTinyCsv();
    m_page->findChild<QLineEdit *>(QStringLiteral("learningRateOverride"))->setText(QStringLiteral("1e4"));
    QSignalSpy finished(m_page, &TrainPage::trainingFinished);
    m_page->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTrainTimeoutMs);
    const auto summary = finished.first().first().value<TrainSummary>();
    QVERIFY(summary.diverged);
    QVERIFY2(m_page->messageText().contains(QStringLiteral("diverged at epoch 1, step ")),
             qPrintable(m_page->messageText()));
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->runListModel()->rowCount(), 1);
    QCOMPARE(m_page->runListModel()->runAt(0).record.status, RunStatus::Diverged);
    const QModelIndex status = m_page->runListModel()->index(0, TrainRunListModel::StatusColumn);
    QVERIFY(status.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("diverged at epoch")));
}

void TestTrainPage::interruptedRunShowsItsReason()
{
    // A run whose process has ended without finishing it (the id of a reaped child stands for a
    // killed `loupe-cli train`): the page's next read opens the workspace, which marks it.
    QProcess ended;
    ended.start(QStringLiteral("true"), QStringList());
    QVERIFY(ended.waitForStarted());
    const qint64 pid = ended.processId();
    QVERIFY(ended.waitForFinished());
    QTRY_VERIFY(!m_page->isLoading());
    qint64 runId = 0;
    {
        auto store = Store::open(m_dir.filePath(QStringLiteral("interruptedRunShowsItsReason.sqlite")));
        QVERIFY2(store.isOk(), store.message().c_str());
        auto created = RunRepository(*store.value()).createRun(RunKind::Train, std::nullopt,
                                                               QStringLiteral(R"({"name":"tiny"})"));
        QVERIFY(created.isOk());
        runId = created.value();
        QVERIFY(store.value()->exec(QStringLiteral("UPDATE runs SET owner_pid = ? WHERE id = ?"), {pid, runId}).isOk());
    }
    m_page->reloadRuns();
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->runListModel()->rowCount(), 1);
    QCOMPARE(m_page->runListModel()->runAt(0).record.status, RunStatus::Interrupted);
    const QModelIndex status = m_page->runListModel()->index(0, TrainRunListModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("interrupted"));
    QVERIFY2(status.data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("the process %1 on host ").arg(pid)),
             qPrintable(status.data(Qt::ToolTipRole).toString()));
    const auto *header = m_page->findChild<StoredRunsHeader *>();
    QVERIFY(header);
    QVERIFY2(header->noteText().contains(QStringLiteral("1 interrupted")), qPrintable(header->noteText()));
}

void TestTrainPage::cancelKeepsRunAsCancelled()
{
    useTinyCsv();
    m_page->setupPanel()->setEpochs(100000);
    QSignalSpy cancelled(m_page, &TrainPage::trainingCancelled);
    m_page->startTraining();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->curves()->live().epochs.size() >= 1, kTrainTimeoutMs);
    m_page->cancelTraining();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!m_page->isTraining());
    QTRY_COMPARE_WITH_TIMEOUT(m_page->runListModel()->rowCount(), 1, kTrainTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_runner->runningCount(), 0, kTrainTimeoutMs);
    QTRY_COMPARE(m_page->runListModel()->runAt(0).record.status, RunStatus::Cancelled);
}

void TestTrainPage::fashionMnistTrains()
{
    TrainSetupPanel *setup = m_page->setupPanel();
    QCOMPARE(setup->source(), TrainSetupPanel::Source::FashionMnist);
    setup->setSpecText(readText(QStringLiteral(LOUPE_SOURCE_DIR "/resources/models/chapter-mlp.json")));
    setup->setEpochs(1);
    setup->setBatchSize(36);
    trainAndWait();
    QCOMPARE(m_page->curves()->live().epochs.size(), 1);
    QCOMPARE(m_page->curves()->live().steps.size(), 3); // 108 training images in batches of 36
    QTRY_VERIFY(!m_page->isLoading());
    QCOMPARE(m_page->runListModel()->runAt(0).dataSource, QStringLiteral("fashion-mnist"));
}

void TestTrainPage::plotsExport()
{
    useTinyCsv();
    m_page->setupPanel()->setEpochs(2);
    trainAndWait();
    QTRY_VERIFY(m_page->lossPlot()->pointCount() > 0);
    const QList<CurvePlot *> plots{m_page->lossPlot(), m_page->accuracyPlot(), m_page->batchLossPlot(),
                                   m_page->learningRatePlot()};
    for (CurvePlot *plot : plots) {
        for (const char *extension : {"png", "pdf", "svg"}) {
            const QString path = m_dir.filePath(plot->exportName() + QLatin1Char('.') + QLatin1String(extension));
            const Status status = plot->exportTo(path, QSize(640, 400));
            QVERIFY2(status.isOk(), status.message().c_str());
            QVERIFY2(QFileInfo(path).size() > 500, qPrintable(path));
        }
        QVERIFY(plot->dataAsCsv().startsWith(QStringLiteral("series,x,y\n")));
    }
}

void TestTrainPage::badSettingsShowMessage()
{
    m_page->setupPanel()->setSpecText(QStringLiteral("{\"layers\": [}"));
    QSignalSpy failed(m_page, &TrainPage::trainingFailed);
    m_page->startTraining();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTrainTimeoutMs);
    QVERIFY2(m_page->messageText().contains(QStringLiteral("model spec")), qPrintable(m_page->messageText()));
    m_page->findChild<QLineEdit *>(QStringLiteral("learningRateOverride"))->setText(QStringLiteral("fast"));
    m_page->startTraining();
    QVERIFY(!m_page->isTraining());
    QVERIFY2(m_page->messageText().contains(QStringLiteral("Learning rate")), qPrintable(m_page->messageText()));
}

// The spec editor is how the page chooses the scaling: the spec's "scaling" is fitted on the training
// rows, stored with the run, and the runs list shows the fitted numbers in the Data column's tooltip.
void TestTrainPage::specScalingIsStoredAndShown()
{
    useTinyCsv();
    QString spec = readText(fixture(QStringLiteral("tiny-spec.json")));
    spec.replace(QStringLiteral("\"seed\": 7"), QStringLiteral("\"seed\": 7, \"scaling\": \"minmax\""));
    m_page->setupPanel()->setSpecText(spec);
    m_page->setupPanel()->setEpochs(1);
    trainAndWait();
    QTRY_VERIFY(!m_page->isLoading());
    TrainRunListModel *runs = m_page->runListModel();
    QCOMPARE(runs->rowCount(), 1);
    const QString scaling = runs->runAt(0).scaling;
    QVERIFY2(scaling.startsWith(QStringLiteral("Scaling: minmax, fitted on the ")), qPrintable(scaling));
    QVERIFY2(scaling.contains(QStringLiteral("\nx1: min ")) && scaling.contains(QStringLiteral("\nx2: min ")),
             qPrintable(scaling));
    const QModelIndex data = runs->index(0, TrainRunListModel::DataColumn);
    QCOMPARE(runs->data(data, Qt::ToolTipRole).toString(), scaling);
}

// The setup panel's scaling control: "as the model spec says" by default (no explicit choice in the
// request); a method chosen there beats the spec's key, as --scale does on the command line; hidden
// and left out of the request for Fashion-MNIST.
void TestTrainPage::scalingChoiceBeatsTheSpec()
{
    useTinyCsv();
    TrainSetupPanel *setup = m_page->setupPanel();
    QString spec = readText(fixture(QStringLiteral("tiny-spec.json")));
    spec.replace(QStringLiteral("\"seed\": 7"), QStringLiteral("\"seed\": 7, \"scaling\": \"minmax\""));
    setup->setSpecText(spec);
    setup->setEpochs(1);
    QCOMPARE(setup->scalingCombo()->currentIndex(), 0);
    QVERIFY(!setup->scaling().has_value());
    QVERIFY(!setup->request(QString()).value().scaling.has_value());
    setup->setScaling(ScalingMethod::MeanNormalize);
    QCOMPARE(setup->scalingCombo()->currentText(), QStringLiteral("mean"));
    QCOMPARE(setup->request(QString()).value().scaling, std::optional<ScalingMethod>(ScalingMethod::MeanNormalize));
    trainAndWait();
    QTRY_VERIFY(!m_page->isLoading()); // the runs list is read off the UI thread
    const QString scaling = m_page->runListModel()->runAt(0).scaling;
    QVERIFY2(scaling.startsWith(QStringLiteral("Scaling: mean, fitted on the ")), qPrintable(scaling));

    setup->setSource(TrainSetupPanel::Source::FashionMnist);
    QVERIFY(setup->scalingCombo()->isHidden());
    QVERIFY(!setup->request(QString()).value().scaling.has_value());
    setup->setSource(TrainSetupPanel::Source::LoadedTable);
    setup->setScaling(std::nullopt);
    QVERIFY(!setup->scaling().has_value());
}

// Issue 14, item 2: a learning-rate override and a schedule were both shown while the schedule
// silently won. Now the latest choice applies and the other is cleared.
void TestTrainPage::scheduleAndRateNeverBothApply()
{
    TrainSetupPanel *setup = m_page->setupPanel();
    auto *rate = m_page->findChild<QLineEdit *>(QStringLiteral("learningRateOverride"));
    QVERIFY(rate);
    setup->setLearningRate(0.003);
    QCOMPARE(rate->text(), QStringLiteral("0.003"));
    QVERIFY(rate->isEnabled());
    ScheduleSpec cosine = ScheduleSpec::defaults(ScheduleKind::Cosine);
    setup->setSchedule(cosine);
    QVERIFY(rate->text().isEmpty());
    QVERIFY(!rate->isEnabled());
    QVERIFY(rate->placeholderText().contains(QStringLiteral("schedule")));
    useTinyCsv();
    auto request = setup->request(QStringLiteral("w.sqlite"));
    QVERIFY2(request.isOk(), request.message().c_str());
    QVERIFY(!request.value().overrides.learningRate);
    QVERIFY(request.value().overrides.schedule);
    setup->setLearningRate(0.01);
    QVERIFY(!setup->schedule());
    QVERIFY(rate->isEnabled());
    request = setup->request(QStringLiteral("w.sqlite"));
    QVERIFY2(request.isOk(), request.message().c_str());
    QCOMPARE(*request.value().overrides.learningRate, 0.01);
    QVERIFY(!request.value().overrides.schedule);
}

QTEST_MAIN(TestTrainPage)
#include "tst_trainpage.moc"
