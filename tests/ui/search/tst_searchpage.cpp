// The Search page offscreen: a Branin study started from the page runs to its budget and fills
// the trials table and every plot (through the coalescing flush timer); brushing an axis of the
// parallel-coordinates plot filters the table; the slice and importance plots follow the study;
// Stop leaves the study resumable and Resume finishes it without losing a trial; a training
// search on a tiny Fashion-MNIST directory completes, and clicking a trial row (or moving to it
// with the keyboard) shows its stored training curves while a branin trial says it has none; bad
// settings show a message; trials and plots export.
#include "ui/common/DatasetSession.h"
#include "ui/common/FeaturePlanModel.h"
#include "ui/common/FeatureSelectionPanel.h"
#include "ui/search/TrialFilterProxy.h"
#include "ui/search/TrialTableModel.h"
#include "ui/search/SearchPage.h"
#include "ui/search/SearchResultsPanel.h"
#include "ui/search/SearchSetupPanel.h"
#include "ui/search/SearchSpaceForm.h"
#include "ui/search/TrialCurvesPanel.h"
#include "ui/common/BatchLossPlot.h"
#include "ui/common/EpochAccuracyPlot.h"
#include "ui/common/EpochLossPlot.h"
#include "ui/search/EdfPlot.h"
#include "ui/search/ImportancePlot.h"
#include "ui/search/OptimizationHistoryPlot.h"
#include "ui/search/ParallelCoordinatesPlot.h"
#include "ui/search/SlicePlot.h"

#include "jobs/JobRunner.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include "tests/support/TrainFixtures.h"

using namespace loupe;

namespace {

constexpr int kSearchTimeoutMs = 120000;

QString chapterTemplate()
{
    QFile file(QStringLiteral(LOUPE_SOURCE_DIR "/resources/searches/chapter-hyperas.json"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

int countState(const TrialTableModel *model, TrialState state)
{
    int count = 0;
    for (const Trial &trial : model->trials())
        count += trial.state == state ? 1 : 0;
    return count;
}

} // namespace

class TestSearchPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void braninFillsTableAndPlots();
    void brushingFiltersTable();
    void stopThenResumeLosesNothing();
    void trainingSearchOnTinyFashionMnist();
    void csvSearchUsesTheFeatureTable();
    void formEditRewritesTemplate();
    void badSettingsShowMessage();
    void exportsTrialsAndPlots();
    void objectiveSwitchKeepsTheTemplate();
    void resetTemplateAsksBeforeDiscarding_data();
    void resetTemplateAsksBeforeDiscarding();
    void progressAndDetailsFollowTheStudy();

private:
    void runAndWait();

    QTemporaryDir m_dir;
    JobRunner *m_runner = nullptr;
    DatasetSession *m_session = nullptr;
    SearchPage *m_page = nullptr;
};

void TestSearchPage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("OMP_NUM_THREADS", "1");
    qputenv("LOUPE_FASHION_MNIST_DIR", QByteArray(LOUPE_FIXTURES_DIR "/train/fmnist-tiny"));
}

void TestSearchPage::init()
{
    m_runner = new JobRunner;
    m_session = new DatasetSession;
    const QString workspace = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
    m_page = new SearchPage(PageContext{m_runner, m_session, workspace});
    m_page->resize(1400, 860);
    m_page->show();
}

void TestSearchPage::cleanup()
{
    delete m_page;
    delete m_runner;
    delete m_session;
}

void TestSearchPage::runAndWait()
{
    QSignalSpy ended(m_page, &SearchPage::searchEnded);
    m_page->startSearch();
    QVERIFY2(m_page->isRunning(), qPrintable(m_page->statusLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kSearchTimeoutMs);
    QVERIFY(!m_page->isRunning());
}

void TestSearchPage::braninFillsTableAndPlots()
{
    SearchResultsPanel *results = m_page->resultsPanel();
    QAbstractItemModelTester tester(results->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Branin);
    setup->setMaxEvals(40);
    setup->setSeed(3);
    setup->setStudyName(QStringLiteral("branin-40"));
    runAndWait();
    QVERIFY2(m_page->statusLabel()->text().contains(QStringLiteral("Best: trial #")), qPrintable(m_page->statusLabel()->text()));
    QCOMPARE(results->model()->rowCount(), 40);
    QCOMPARE(countState(results->model(), TrialState::Complete), 40);
    QCOMPARE(results->model()->columnCount(), 6); // #, State, x1, x2, Loss, Seconds
    QCOMPARE(results->historyPlot()->pointCount(), 40);
    QCOMPARE(results->parallelPlot()->lineCount(), 40);
    QCOMPARE(results->slicePlot()->pointCount(), 40);
    results->plotTabs()->setCurrentWidget(results->importancePlot());
    QTRY_COMPARE(int(results->importancePlot()->entries().size()), 2);
    // Sorting by loss puts the best trial first.
    results->table()->sortByColumn(results->model()->lossColumn(), Qt::AscendingOrder);
    const double first = results->proxy()->index(0, results->model()->lossColumn()).data(TrialTableModel::SortRole).toDouble();
    for (const Trial &trial : results->model()->trials())
        QVERIFY(first <= *trial.loss);
    // Clicking a trial shows it.
    Q_EMIT results->trialActivated(7);
    QVERIFY(m_page->trialDetails()->text().contains(QStringLiteral("Trial #7")));
    // A test function trains nothing: the curves tab says so instead of drawing empty plots.
    TrialCurvesPanel *curves = m_page->trialCurves();
    QCOMPARE(curves->trialNumber(), 7);
    QVERIFY(!curves->showsCurves());
    QVERIFY2(curves->message()->text().contains(QStringLiteral("No training curves for this objective")),
             qPrintable(curves->message()->text()));
    QVERIFY(curves->message()->text().contains(QStringLiteral("branin")));
}

void TestSearchPage::brushingFiltersTable()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Branin);
    setup->setMaxEvals(30);
    setup->setSampler(QStringLiteral("random"));
    setup->setStudyName(QStringLiteral("brush"));
    runAndWait();
    SearchResultsPanel *results = m_page->resultsPanel();
    results->plotTabs()->setCurrentWidget(results->parallelPlot());
    // The lower half of x1's axis: only trials with x1 in the lower half of the observed range stay.
    results->parallelPlot()->setBrush(0, 0.0, 0.5);
    const int shown = results->proxy()->rowCount();
    QVERIFY(shown > 0 && shown < 30);
    QCOMPARE(results->parallelPlot()->selectedLineCount(), shown);
    const auto [low, high] = results->proxy()->brushes().value(results->model()->parameterColumn(0));
    for (int row = 0; row < shown; ++row) {
        const double x1 = results->proxy()->index(row, results->model()->parameterColumn(0)).data(TrialTableModel::SortRole).toDouble();
        QVERIFY(x1 >= low && x1 <= high);
    }
    results->parallelPlot()->clearBrushes();
    QCOMPARE(results->proxy()->rowCount(), 30);
}

void TestSearchPage::stopThenResumeLosesNothing()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Hartmann6);
    setup->setMaxEvals(400);
    setup->setStudyName(QStringLiteral("stop-resume"));
    QSignalSpy ended(m_page, &SearchPage::searchEnded);
    m_page->startSearch();
    QTRY_VERIFY_WITH_TIMEOUT(m_page->resultsPanel()->model()->rowCount() >= 20 || ended.count() > 0, kSearchTimeoutMs);
    m_page->stopSearch();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kSearchTimeoutMs);
    const int afterStop = countState(m_page->resultsPanel()->model(), TrialState::Complete);
    QVERIFY(afterStop >= 20);
    m_page->resumeSearch();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, kSearchTimeoutMs);
    const TrialTableModel *model = m_page->resultsPanel()->model();
    QCOMPARE(countState(model, TrialState::Complete), 400);
    QVERIFY(m_page->statusLabel()->text().startsWith(QStringLiteral("Done")));
}

void TestSearchPage::trainingSearchOnTinyFashionMnist()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    setup->setTemplateText(chapterTemplate());
    QVERIFY(setup->space().isOk());
    QCOMPARE(setup->space().value().size(), 5); // hyperas' Dropout, Dense, Activation, Dropout_1, batch_size
    setup->setImageLimit(0);
    setup->setMaxEvals(3);
    setup->setStudyName(QStringLiteral("chapter-tiny"));
    runAndWait();
    const TrialTableModel *model = m_page->resultsPanel()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(countState(model, TrialState::Complete) + countState(model, TrialState::Fail), 3);
    QVERIFY2(countState(model, TrialState::Complete) >= 1, qPrintable(m_page->statusLabel()->text()));

    // Clicking a completed trial's row opens the curves tab with its stored epochs (1 epoch:
    // one training and one validation point per plot).
    SearchResultsPanel *results = m_page->resultsPanel();
    TrialCurvesPanel *curves = m_page->trialCurves();
    results->plotTabs()->setCurrentIndex(0);
    QTRY_VERIFY(results->table()->isVisible());
    for (int row = 0; row < model->rowCount(); ++row) {
        const Trial &trial = model->trials()[std::size_t(row)];
        if (trial.state != TrialState::Complete)
            continue;
        const QModelIndex index = results->proxy()->mapFromSource(model->index(row, 0));
        results->table()->scrollTo(index);
        QTest::mouseClick(results->table()->viewport(), Qt::LeftButton, {},
                          results->table()->visualRect(index).center());
        QCOMPARE(curves->trialNumber(), trial.number);
        // The curves are read off the UI thread; the tab opens once they are shown.
        QTRY_VERIFY2(curves->showsCurves(), qPrintable(curves->message()->text()));
        QTRY_COMPARE(results->plotTabs()->currentWidget(), curves);
        QVERIFY2(curves->heading()->text().contains(QStringLiteral("Trial #%1").arg(trial.number)),
                 qPrintable(curves->heading()->text()));
        QCOMPARE(curves->lossPlot()->pointCount(), 2);
        QCOMPARE(curves->accuracyPlot()->pointCount(), 2);
        QVERIFY(curves->accuracyPlot()->isVisible());
        // Its steps are stored too: the smoothed batch loss has a point per step.
        QVERIFY(curves->batchLossPlot()->pointCount() > 0);
        QVERIFY(curves->batchLossPlot()->isVisible());
    }
    // The keyboard moves the current row, and the curves follow it.
    const int before = curves->trialNumber();
    results->table()->setFocus();
    QTest::keyClick(results->table(), before == model->trials().front().number ? Qt::Key_Down : Qt::Key_Up);
    QVERIFY(curves->trialNumber() != before);
}

// A transactions CSV with an id, a name and free text: the features tab proposes the columns, a
// role chosen there reaches the request, and the search trains (no one-hot cap error).
void TestSearchPage::csvSearchUsesTheFeatureTable()
{
    m_session->setCurrent(testsupport::fixtureTable(QStringLiteral("transactions-300.csv")));
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::LoadedTable);
    setup->setTemplateText(QStringLiteral(
        R"({"layers": [{"type": "dense", "units": {"choice": [4, 8]}, "activation": "relu"},
            {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "categorical_crossentropy",
            "optimizer": {"type": "adam", "learning_rate": 0.01}, "epochs": 1, "seed": 2})"));
    FeatureSelectionPanel *features = setup->featurePanel();
    setup->spaceTabs()->setCurrentWidget(features);
    QTRY_VERIFY_WITH_TIMEOUT(features->hasPlan() && !features->isComputing(), 60000);
    QCOMPARE(QString::fromStdString(features->plan().target), QStringLiteral("is_fraud"));
    QVERIFY(features->model()->setChoice(QStringLiteral("customer_id"), FeatureRole::Feature));
    auto request = setup->request(QString(), false);
    QVERIFY2(request.isOk(), request.message().c_str());
    QCOMPARE(request.value().data.kept, std::vector<std::string>{"customer_id"});
    setup->setMaxEvals(2);
    setup->setStudyName(QStringLiteral("transactions"));
    runAndWait();
    const TrialTableModel *model = m_page->resultsPanel()->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(countState(model, TrialState::Complete), 2);
}

void TestSearchPage::formEditRewritesTemplate()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    setup->setTemplateText(chapterTemplate());
    QTableWidget *table = setup->form()->table();
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, SearchSpaceForm::NameColumn)->text() == QStringLiteral("Dropout"))
            row = r;
    QVERIFY(row >= 0);
    table->item(row, SearchSpaceForm::ArgumentsColumn)->setText(QStringLiteral("[0.1, 0.3]"));
    const auto space = setup->space();
    QVERIFY(space.isOk());
    const SearchParameter &dropout = space.value().parameter(space.value().indexOf("Dropout"));
    QCOMPARE(dropout.distribution.low(), 0.1);
    QCOMPARE(dropout.distribution.high(), 0.3);
    // A bad edit is refused with a message and the template keeps its last valid form.
    table->item(row, SearchSpaceForm::ArgumentsColumn)->setText(QStringLiteral("[0.5, 0.1]"));
    QVERIFY2(setup->spaceStatus()->text().contains(QStringLiteral("low < high")), qPrintable(setup->spaceStatus()->text()));
    QVERIFY(setup->space().isOk());
}

void TestSearchPage::badSettingsShowMessage()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    setup->setTemplateText(QStringLiteral("{\"layers\": [{\"type\": \"dense\", \"units\": {\"uniform\": [5, 1]}}]}"));
    m_page->startSearch();
    QVERIFY(!m_page->isRunning());
    QVERIFY2(m_page->statusLabel()->text().contains(QStringLiteral("layers[0].units")), qPrintable(m_page->statusLabel()->text()));
    setup->setTemplateText(chapterTemplate());
    setup->setObjective(SearchSetupPanel::Objective::LoadedTable);
    m_page->startSearch();
    QVERIFY(!m_page->isRunning());
    QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("No CSV is loaded")));
    setup->setObjective(SearchSetupPanel::Objective::Branin);
    setup->setStudyName(QString());
    m_page->startSearch();
    QVERIFY(!m_page->isRunning());
    QVERIFY(m_page->statusLabel()->text().contains(QStringLiteral("Study name")));
}

void TestSearchPage::exportsTrialsAndPlots()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Conditional);
    setup->setMaxEvals(25);
    setup->setStudyName(QStringLiteral("export"));
    runAndWait();
    SearchResultsPanel *results = m_page->resultsPanel();
    QString error;
    const QString csv = m_dir.filePath(QStringLiteral("trials.csv"));
    QVERIFY2(results->exportTrials(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), 26);
    const QString json = m_dir.filePath(QStringLiteral("trials.json"));
    QVERIFY2(results->exportTrials(json, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const auto parsed = nlohmann::json::parse(jsonFile.readAll().toStdString());
    QCOMPARE(int(parsed.size()), 25);
    QVERIFY(parsed[0].contains("indices"));
    // Conditional parameters: a trial that took one branch has the other branch's columns blank.
    for (const Trial &trial : results->model()->trials()) {
        int active = 0;
        for (int p = 0; p < trial.params.size(); ++p)
            active += trial.params.isActive(p) ? 1 : 0;
        QVERIFY(active == 2 || active == 4); // kind + x, or kind + y, z, lr
    }
    for (PlotWidget *plot : std::initializer_list<PlotWidget *>{results->historyPlot(), results->parallelPlot(),
                                                               results->slicePlot(), results->edfPlot()}) {
        for (const QString &extension : {QStringLiteral("png"), QStringLiteral("pdf"), QStringLiteral("svg")}) {
            const QString path = m_dir.filePath(plot->exportName() + QLatin1Char('.') + extension);
            const Status status = plot->exportTo(path, QSize(800, 500));
            QVERIFY2(status.isOk(), status.message().c_str());
            QVERIFY(QFile(path).size() > 0);
        }
        QVERIFY(plot->dataAsCsv().count(QLatin1Char('\n')) > 1);
    }
}

// Issue 14, item 3: going to a test function and back kept x1..x6 in the editor ("x1: unknown key" on
// Start) and lost an edited template.
void TestSearchPage::objectiveSwitchKeepsTheTemplate()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    const QString edited = chapterTemplate().replace(QStringLiteral("\"Dropout\""), QStringLiteral("\"DropoutRate\""));
    QVERIFY(edited != chapterTemplate());
    setup->setTemplateText(edited);
    setup->setObjective(SearchSetupPanel::Objective::Hartmann6);
    QVERIFY(setup->templateText().contains(QStringLiteral("x6")));
    QVERIFY(setup->templateEditor()->isReadOnly());
    QVERIFY(!setup->resetTemplateButton()->isEnabled());
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    QCOMPARE(setup->templateText(), edited);
    QVERIFY(!setup->templateEditor()->isReadOnly());
    const auto space = setup->space();
    QVERIFY2(space.isOk(), space.message().c_str());
    QVERIFY(space.value().indexOf("DropoutRate") >= 0);
    // JSON errors in the template say where (line and column).
    setup->setTemplateText(QStringLiteral("{\n  \"layers\": [,]\n}"));
    QVERIFY2(setup->space().message().rfind("template:2:14: not valid JSON", 0) == 0, setup->space().message().c_str());
}

void TestSearchPage::resetTemplateAsksBeforeDiscarding_data()
{
    QTest::addColumn<bool>("edited");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<bool>("asked");
    QTest::addColumn<bool>("reset");
    QTest::newRow("unedited: nothing to ask") << false << false << false << false;
    QTest::newRow("edited, user agrees") << true << true << true << true;
    QTest::newRow("edited, user declines") << true << false << true << false;
}

void TestSearchPage::resetTemplateAsksBeforeDiscarding()
{
    QFETCH(bool, edited);
    QFETCH(bool, answer);
    QFETCH(bool, asked);
    QFETCH(bool, reset);
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::FashionMnist);
    const QString mine = QStringLiteral("{\"layers\": [{\"type\": \"dense\", \"units\": {\"choice\": [8, 16]}}]}");
    setup->setTemplateText(edited ? mine : chapterTemplate());
    bool wasAsked = false;
    setup->setConfirmation([&](const QString &) {
        wasAsked = true;
        return answer;
    });
    setup->resetTemplateButton()->click();
    QCOMPARE(wasAsked, asked);
    QCOMPARE(setup->templateText() == chapterTemplate(), !edited || reset);
}

// Issue 14, item 2: the bar read "0 / 100 trials" for a budget of 30, and the trial details kept a
// trial of the previous study.
void TestSearchPage::progressAndDetailsFollowTheStudy()
{
    SearchSetupPanel *setup = m_page->setupPanel();
    setup->setObjective(SearchSetupPanel::Objective::Branin);
    setup->setMaxEvals(30);
    QCOMPARE(m_page->progressMaximum(), 30);
    setup->setMaxEvals(6);
    QCOMPARE(m_page->progressMaximum(), 6);
    setup->setStudyName(QStringLiteral("first"));
    runAndWait();
    QCOMPARE(m_page->progressMaximum(), 6);
    const int number = m_page->resultsPanel()->model()->trials().front().number;
    Q_EMIT m_page->resultsPanel()->trialActivated(number);
    QVERIFY(m_page->trialDetails()->text().contains(QStringLiteral("Trial #%1").arg(number)));
    setup->setMaxEvals(4);
    setup->setStudyName(QStringLiteral("second"));
    QSignalSpy ended(m_page, &SearchPage::searchEnded);
    m_page->startSearch();
    QVERIFY(!m_page->trialDetails()->text().contains(QStringLiteral("Trial #")));
    QCOMPARE(m_page->progressMaximum(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, kSearchTimeoutMs);
}

QTEST_MAIN(TestSearchPage)
#include "tst_searchpage.moc"
