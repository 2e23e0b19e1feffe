// The Learning-rate page offscreen: a tiny one-pass finder on tiny.csv and a
// tiny range test on the mini Fashion-MNIST directory run to their end, their
// curves reach the plot with the suggestion markers, the runs are stored as
// 'lr-find' runs and listed again by a new page (and overlaid), "Use this rate"
// emits the recommended rate, bad fields show a message, and the schedule
// designer's preview of the chapter's cosine (lr0 1e-2, l 5) follows the
// formula. A search a killed process left behind is listed as interrupted, its
// reason in the tooltip.

#include "ui/common/DatasetSession.h"
#include "ui/MainWindow.h"
#include "ui/learningrate/LearningRatePage.h"
#include "ui/learningrate/LrFinderPanel.h"
#include "ui/learningrate/ScheduleDesignerPanel.h"
#include "ui/train/TrainPage.h"
#include "ui/train/TrainSetupPanel.h"
#include "ui/learningrate/LrFinderPlot.h"
#include "ui/learningrate/SchedulePreviewPlot.h"

#include "jobs/JobRunner.h"
#include "core/data/CsvReader.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "ui/common/StoredRunsHeader.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

#include <cmath>

using namespace loupe;
using namespace loupe::testsupport;

namespace {

constexpr int kSearchTimeoutMs = 60000;

} // namespace

class TestLearningRatePage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void onePassOnCsvShowsCurveAndSuggestions();
    void rangeTestOnFashionMnistIsStoredAndListed();
    void cancelStoresRunAsCancelled();
    void interruptedSearchIsListedWithItsReason();
    void badFieldShowsMessage();
    void chapterCosinePreviewMatchesFormula();
    void previewShowsParseErrors();
    void chosenRateReachesTrainPage();

private:
    void searchAndWait();

    QTemporaryDir m_dir;
    QString m_workspace;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    LearningRatePage *m_page = nullptr;
};

void TestLearningRatePage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
    qputenv("LOUPE_FASHION_MNIST_DIR", fixture(QStringLiteral("fmnist-tiny")).toUtf8());
}

void TestLearningRatePage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    m_workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new LearningRatePage(PageContext {m_runner, m_session, m_workspace});
    m_page->resize(1400, 860);
    m_page->show();
}

void TestLearningRatePage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestLearningRatePage::searchAndWait()
{
    LrFinderPanel *finder = m_page->finderPanel();
    QSignalSpy finished(finder, &LrFinderPanel::runFinished);
    QSignalSpy failed(finder, &LrFinderPanel::runFailed);
    finder->startRun();
    QVERIFY2(finder->isRunning(), qPrintable(finder->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, kSearchTimeoutMs);
    QVERIFY2(failed.isEmpty(), qPrintable(finder->messageText()));
    QVERIFY(!finder->isRunning());
}

void TestLearningRatePage::onePassOnCsvShowsCurveAndSuggestions()
{
    LrFinderPanel *finder = m_page->finderPanel();
    QVERIFY(finder->isLoadingRuns()); // read off the UI thread
    QTRY_VERIFY(!finder->isLoadingRuns());
    QCOMPARE(finder->runList()->count(), 0); // a fresh workspace
    m_session->setCurrent(tinyTable());
    finder->setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    finder->setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    finder->setMode(LrFindMode::OnePass);
    finder->setField(QStringLiteral("start"), QStringLiteral("1e-5"));
    finder->setField(QStringLiteral("end"), QStringLiteral("10"));
    finder->setSteps(30);
    searchAndWait();

    LrFinderPlot *plot = finder->plot();
    QCOMPARE(plot->curves().size(), 1);
    QVERIFY2(plot->pointCount() >= 6, qPrintable(QString::number(plot->pointCount())));
    const LrFindResult result = plot->curves().first().result;
    QCOMPARE(result.mode, LrFindMode::OnePass);
    QVERIFY(result.points.front().learningRate >= 1e-5 * 0.999);
    QVERIFY(result.points.back().learningRate < 10.0);
    QVERIFY(result.suggestions.recommended.has_value());
    // The one-pass rule: the lower of minimum and steep.
    QVERIFY2(result.suggestions.method == "minimum" || result.suggestions.method == "steep",
             result.suggestions.method.c_str());
    QCOMPARE(*result.suggestions.recommended, std::min(*result.suggestions.minimum, *result.suggestions.steep));
    QVERIFY(plot->markerLabels().contains(QStringLiteral("recommended")));
    QCOMPARE(plot->markerRate(QStringLiteral("recommended")), *result.suggestions.recommended);
    QVERIFY(!plot->dataAsCsv().isEmpty());

    // Stored as an lr-find run, listed (once read again) and checked.
    QTRY_COMPARE(finder->runList()->count(), 1);
    QCOMPARE(finder->runList()->item(0)->checkState(), Qt::Checked);

    QSignalSpy chosen(m_page, &LearningRatePage::learningRateChosen);
    QTest::mouseClick(finder->findChild<QWidget *>(QStringLiteral("useRate")), Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.first().first().toDouble(), *result.suggestions.recommended);
}

void TestLearningRatePage::rangeTestOnFashionMnistIsStoredAndListed()
{
    LrFinderPanel *finder = m_page->finderPanel();
    finder->setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json")))
                                          .replace(QStringLiteral("\"units\": 3"), QStringLiteral("\"units\": 10")));
    finder->setMode(LrFindMode::Range);
    finder->setField(QStringLiteral("start"), QStringLiteral("1e-4"));
    finder->setField(QStringLiteral("factor"), QStringLiteral("4"));
    finder->setField(QStringLiteral("fraction"), QStringLiteral("0.5"));
    finder->setSteps(6);
    searchAndWait();
    const LrFindResult result = finder->plot()->curves().last().result;
    QCOMPARE(result.mode, LrFindMode::Range);
    QCOMPARE(int(result.points.size()), 6);
    QCOMPARE(result.points[1].learningRate, 4e-4);
    QVERIFY(finder->plot()->pointCount() >= 2);

    // A second page on the same workspace lists the stored run and overlays it.
    LearningRatePage reopened(PageContext {m_runner, m_session, m_workspace});
    LrFinderPanel *other = reopened.finderPanel();
    QTRY_COMPARE(other->runList()->count(), 1);
    QCOMPARE(other->runList()->item(0)->checkState(), Qt::Checked);
    QCOMPARE(other->plot()->curves().size(), 1);
    const LrFindResult &stored = other->plot()->curves().first().result;
    QCOMPARE(stored.mode, LrFindMode::Range);
    QCOMPARE(stored.points.size(), result.points.size());
    QCOMPARE(stored.suggestions.recommended.has_value(), result.suggestions.recommended.has_value());
    other->runList()->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(other->plot()->curves().size(), 0);
    QCOMPARE(other->recommendedRate(), 0.0);
}

void TestLearningRatePage::cancelStoresRunAsCancelled()
{
    LrFinderPanel *finder = m_page->finderPanel();
    m_session->setCurrent(tinyTable());
    finder->setupPanel()->setSource(TrainSetupPanel::Source::LoadedTable);
    finder->setupPanel()->setSpecText(readText(fixture(QStringLiteral("tiny-spec.json"))));
    finder->setMode(LrFindMode::OnePass);
    finder->setField(QStringLiteral("end"), QStringLiteral("1e-4")); // never diverges
    finder->setSteps(100000); // the most the field takes: seconds, far longer than the test waits
    QSignalSpy cancelled(finder, &LrFinderPanel::runCancelled);
    finder->startRun();
    QVERIFY2(finder->isRunning(), qPrintable(finder->messageText()));
    QTRY_VERIFY_WITH_TIMEOUT(finder->progressBar()->value() > 0, kSearchTimeoutMs);
    finder->cancelRun();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!finder->isRunning());
    QCOMPARE(finder->messageText(), QStringLiteral("Cancelled"));
    // The job stores the cancellation when it stops; the list is read again when its thread ends.
    QTRY_COMPARE_WITH_TIMEOUT(finder->runList()->count(), 1, kSearchTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        finder->runList()->item(0)->text().endsWith(QStringLiteral("cancelled")), kSearchTimeoutMs);
}

void TestLearningRatePage::interruptedSearchIsListedWithItsReason()
{
    // An lr-find run whose process has ended without finishing it (a reaped child's id stands for a
    // killed one); a page opened next reads the workspace, which marks it.
    QProcess ended;
    ended.start(QStringLiteral("true"), QStringList());
    QVERIFY(ended.waitForStarted());
    const qint64 pid = ended.processId();
    QVERIFY(ended.waitForFinished());
    {
        auto store = Store::open(m_workspace);
        QVERIFY2(store.isOk(), store.message().c_str());
        auto created = RunRepository(*store.value()).createRun(RunKind::LrFind, std::nullopt, QStringLiteral("{}"));
        QVERIFY(created.isOk());
        QVERIFY(store.value()
                    ->exec(QStringLiteral("UPDATE runs SET owner_pid = ? WHERE id = ?"), {pid, created.value()})
                    .isOk());
    }
    LearningRatePage reopened(PageContext {m_runner, m_session, m_workspace});
    LrFinderPanel *finder = reopened.finderPanel();
    QTRY_COMPARE(finder->runList()->count(), 1);
    const QListWidgetItem *item = finder->runList()->item(0);
    QVERIFY2(item->text().endsWith(QStringLiteral("interrupted")), qPrintable(item->text()));
    QVERIFY2(item->toolTip().startsWith(QStringLiteral("the process %1 on host ").arg(pid)), qPrintable(item->toolTip()));
    QVERIFY(!(item->flags() & Qt::ItemIsEnabled)); // no points to overlay
    const auto *header = finder->findChild<StoredRunsHeader *>();
    QVERIFY(header);
    QVERIFY2(header->noteText().contains(QStringLiteral("1 interrupted")), qPrintable(header->noteText()));
}

void TestLearningRatePage::badFieldShowsMessage()
{
    LrFinderPanel *finder = m_page->finderPanel();
    finder->setMode(LrFindMode::Range);
    finder->setField(QStringLiteral("factor"), QStringLiteral("two"));
    finder->startRun();
    QVERIFY(!finder->isRunning());
    QVERIFY2(finder->messageText().contains(QStringLiteral("Factor")), qPrintable(finder->messageText()));
    finder->setField(QStringLiteral("factor"), QStringLiteral("0.5"));
    finder->startRun();
    QVERIFY(!finder->isRunning());
    QVERIFY2(finder->messageText().contains(QStringLiteral("factor")), qPrintable(finder->messageText()));
}

void TestLearningRatePage::chapterCosinePreviewMatchesFormula()
{
    ScheduleDesignerPanel *designer = m_page->scheduleDesigner();
    designer->setKind(ScheduleKind::Cosine);
    QVERIFY(designer->setParameter(QStringLiteral("lr0"), QStringLiteral("1e-2")));
    QVERIFY(designer->setParameter(QStringLiteral("length"), QStringLiteral("5")));
    QVERIFY(!designer->setParameter(QStringLiteral("t_mult"), QStringLiteral("2")));
    designer->setPreviewLength(8);
    const QVector<double> rates = designer->previewPlot()->rates();
    QCOMPARE(rates.size(), 8);
    for (int t = 0; t < rates.size(); ++t) {
        const int clamped = std::min(t, 4);
        const double expected = 1e-2 / 2.0 * (std::cos(M_PI * clamped / 5.0) + 1.0);
        QVERIFY2(std::abs(rates[t] - expected) < 1e-12,
            qPrintable(QStringLiteral("t %1: %2 vs %3").arg(t).arg(rates[t]).arg(expected)));
    }
    designer->logScaleCheck()->setChecked(true);
    QCOMPARE(designer->previewPlot()->scale(), SchedulePreviewPlot::Scale::Logarithmic);
    QVERIFY(designer->previewPlot()->dataAsCsv().startsWith(QStringLiteral("t,lr\n0,0.01\n")));
}

void TestLearningRatePage::previewShowsParseErrors()
{
    ScheduleDesignerPanel *designer = m_page->scheduleDesigner();
    designer->setKind(ScheduleKind::WarmRestarts);
    QVERIFY(designer->setParameter(QStringLiteral("t_mult"), QStringLiteral("0")));
    const auto spec = designer->spec();
    QVERIFY(!spec.isOk());
    QVERIFY2(QString::fromStdString(spec.message()).startsWith(QStringLiteral("t_mult")), spec.message().c_str());
    QVERIFY(designer->previewPlot()->rates().isEmpty());
    QVERIFY(designer->setParameter(QStringLiteral("t_mult"), QStringLiteral("2")));
    designer->setUnit(ScheduleUnit::Step);
    designer->setWarmup(3);
    QVERIFY(designer->spec().isOk());
    QCOMPARE(designer->spec().value().warmup, std::int64_t(3));
    QVERIFY(!designer->previewPlot()->rates().isEmpty());
}

void TestLearningRatePage::chosenRateReachesTrainPage()
{
    MainWindow window(m_dir.filePath(QStringLiteral("window.sqlite")));
    QVERIFY(window.pageTitles().contains(QStringLiteral("Learning rate")));
    auto *page = window.findChild<LearningRatePage *>();
    auto *train = window.findChild<TrainPage *>();
    QVERIFY(page && train);
    Q_EMIT page->learningRateChosen(0.00315);
    auto *field = train->setupPanel()->findChild<QLineEdit *>(QStringLiteral("learningRateOverride"));
    QVERIFY(field);
    QCOMPARE(field->text(), QStringLiteral("0.00315"));
    auto request = train->setupPanel()->request(QString());
    QVERIFY(request.isOk());
    QCOMPARE(request.value().overrides.learningRate.value_or(0.0), 0.00315);
}

QTEST_MAIN(TestLearningRatePage)
#include "tst_learningratepage.moc"
