// The Checks page offscreen, next to a Data page wired as MainWindow wires them: the chapter's CEO suite runs
// on ceo.csv in the background, the failure shows in the tree (suite -> test -> row 0), clicking it
// highlights and selects row 0 of ceo_birth in the Data page's model;
// the form and JSON tabs stay in sync; a bad suite is refused with its line; every report format exports;
// with a workspace, each run is stored and the History tab reads it back (tests, rows, locals, note)
// off the UI thread, showing only the reply to its latest request.
#include "ui/common/DatasetSession.h"
#include "ui/data/TableModel.h"
#include "ui/checks/CheckHistoryPanel.h"
#include "ui/checks/CheckResultsTree.h"
#include "ui/checks/ChecksPage.h"
#include "ui/data/DataPage.h"
#include "ui/checks/SuiteEditor.h"
#include "ui/checks/SuiteTestForm.h"
#include "ui/checks/FailurePlot.h"

#include "jobs/JobRunner.h"
#include "jobs/WorkspaceReader.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace loupe;

namespace {

QString examplePath(const QString &name)
{
    return QStringLiteral(LOUPE_SOURCE_DIR "/resources/examples/ceo/") + name;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestChecksPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void ceoFailureHighlightsRowInDataPage();
    void formAndJsonStayInSync();
    void badSuiteIsRefusedWithItsLine();
    void reportsExport();
    void reportNeverReplacesItsInputs();
    void historyReadsStoredRuns();
    void historyFillsAsynchronously();
    void examplesStayAsShipped();

private:
    void loadCeo();
    void runAndWait();
    PageContext workspaceContext(const QString &workspace) const;

    std::unique_ptr<JobRunner> m_runner;
    std::unique_ptr<DatasetSession> m_dataset;
    std::unique_ptr<DataPage> m_dataPage;
    std::unique_ptr<ChecksPage> m_page;
};

void TestChecksPage::init()
{
    m_runner = std::make_unique<JobRunner>();
    m_dataset = std::make_unique<DatasetSession>();
    PageContext context;
    context.runner = m_runner.get();
    context.dataset = m_dataset.get();
    m_dataPage = std::make_unique<DataPage>(context);
    m_page = std::make_unique<ChecksPage>(context);
    // As MainWindow connects them.
    connect(m_page.get(), &ChecksPage::showFailingCells, m_dataPage.get(),
            [this](const QStringList &columns, const QVector<quint64> &rows) {
                m_dataPage->highlightCells(columns, rows);
            });
}

void TestChecksPage::cleanup()
{
    m_page.reset();
    m_dataPage.reset();
    m_runner.reset();
    m_dataset.reset();
}

void TestChecksPage::loadCeo()
{
    QSignalSpy loaded(m_dataPage.get(), &DataPage::loadFinished);
    m_dataPage->loadFile(examplePath(QStringLiteral("ceo.csv")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(m_page->openSuite(examplePath(QStringLiteral("suite.json"))), QString());
}

void TestChecksPage::runAndWait()
{
    QSignalSpy finished(m_page.get(), &ChecksPage::runFinished);
    QSignalSpy failed(m_page.get(), &ChecksPage::runFailed);
    m_page->runChecks();
    QVERIFY2(m_page->messageText().isEmpty(), qPrintable(m_page->messageText()));
    QVERIFY(m_page->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 20000);
    QCOMPARE(failed.count(), 0);
}

void TestChecksPage::ceoFailureHighlightsRowInDataPage()
{
    loadCeo();
    runAndWait();
    QVERIFY(m_page->lastResult().has_value());
    QCOMPARE(m_page->lastResult()->failureCount(), std::size_t(1));

    CheckResultsTree *tree = m_page->resultsTree();
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("FAILED"));
    QTreeWidgetItem *test = tree->testItem(0);
    QVERIFY(test);
    QCOMPARE(test->text(0), QStringLiteral("old_age (after)"));
    QCOMPARE(test->text(1), QStringLiteral("FAILED"));
    QTreeWidgetItem *failure = tree->firstFailureItem(0);
    QVERIFY(failure);
    QCOMPARE(failure->text(0), QStringLiteral("row 0"));
    QCOMPARE(failure->text(2), QStringLiteral("1800-01-01"));

    tree->setCurrentItem(test);
    QVERIFY2(m_page->reportShown().contains(QStringLiteral("1800-01-01")), qPrintable(m_page->reportShown()));
    QVERIFY(m_page->reportShown().contains(QStringLiteral("max_td = 47450 days, 0:00:00")));
    QVERIFY(m_page->reportShown().contains(QStringLiteral("No CEO can be born before")));
    QCOMPARE(m_page->failurePlot()->failingPointCount(), 1);
    QCOMPARE(m_page->failurePlot()->boundCount(), 1);

    TableModel *model = m_dataPage->tableModel();
    const int birth = 1;
    QVERIFY(!model->isHighlighted(0, birth));
    emit tree->itemClicked(failure, 0);
    QVERIFY(model->isHighlighted(0, birth));
    QVERIFY(!model->isHighlighted(0, 0));
    QCOMPARE(model->index(0, birth).data(TableModel::HighlightRole).toBool(), true);
    QVERIFY(model->index(0, birth).data(Qt::BackgroundRole).isValid());
    QTableView *view = m_dataPage->tableView();
    QVERIFY(view->selectionModel()->isSelected(model->index(0, birth)));
}

void TestChecksPage::formAndJsonStayInSync()
{
    loadCeo();
    SuiteEditor *editor = m_page->editor();
    QCOMPARE(editor->testCount(), 1);
    SuiteTestForm *form = editor->testForm();
    QCOMPARE(form->nameEdit()->text(), QStringLiteral("old_age"));
    QCOMPARE(form->assertionBox()->currentText(), QStringLiteral("after"));
    QCOMPARE(form->columnsEdit()->text(), QStringLiteral("ceo_birth"));
    QCOMPARE(form->localsTable()->rowCount(), 2);

    // Form -> JSON.
    form->noteEdit()->setText(QStringLiteral("Born before {earliest_birth}?"));
    emit form->noteEdit()->textEdited(form->noteEdit()->text());
    QVERIFY(editor->jsonEdit()->toPlainText().contains(QStringLiteral("\"note\": \"Born before {earliest_birth}?\"")));

    // JSON -> form.
    editor->showTab(SuiteEditor::Tab::Json);
    QString text = editor->jsonEdit()->toPlainText();
    text.replace(QStringLiteral("\"old_age\""), QStringLiteral("\"too_old\""));
    editor->jsonEdit()->setPlainText(text);
    QCOMPARE(form->nameEdit()->text(), QStringLiteral("too_old"));
    QCOMPARE(editor->testList()->item(0)->text(), QStringLiteral("too_old (after)"));

    // Broken JSON: the form keeps the last valid suite and the error is shown.
    editor->jsonEdit()->setPlainText(text.left(text.size() / 2));
    QVERIFY(!editor->jsonError().isEmpty());
    QCOMPARE(form->nameEdit()->text(), QStringLiteral("too_old"));
}

void TestChecksPage::badSuiteIsRefusedWithItsLine()
{
    loadCeo();
    QString text = m_page->editor()->suiteText();
    text.replace(QStringLiteral("\"after\""), QStringLiteral("\"aftr\""));
    QCOMPARE(m_page->editor()->setSuiteText(text), QString());
    QSignalSpy finished(m_page.get(), &ChecksPage::runFinished);
    m_page->runChecks();
    QVERIFY(!m_page->isRunning());
    // Edited in the editor, the suite is named as the editor's, with the editor's line.
    QVERIFY2(m_page->messageText().contains(QStringLiteral("<editor>:7:")), qPrintable(m_page->messageText()));
    QVERIFY2(m_page->messageText().contains(QStringLiteral("aftr")), qPrintable(m_page->messageText()));
    QCOMPARE(finished.count(), 0);
}

void TestChecksPage::reportsExport()
{
    loadCeo();
    QTemporaryDir dir;
    QVERIFY(!m_page->exportReport(ChecksPage::ReportFormat::Text, dir.filePath("r.txt")).isEmpty()); // no run yet
    runAndWait();
    const struct {
        ChecksPage::ReportFormat format;
        const char *file;
        const char *needle;
    } cases[] = {{ChecksPage::ReportFormat::Text, "r.txt", "FAILED (failures=1)"},
                 {ChecksPage::ReportFormat::Json, "r.json", "\"failures\": 1"},
                 {ChecksPage::ReportFormat::Junit, "r.xml", "<testsuites"},
                 {ChecksPage::ReportFormat::Html, "r.html", "<html"}};
    for (const auto &c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.file));
        QCOMPARE(m_page->exportReport(c.format, path), QString());
        const QString written = readAll(path);
        QVERIFY2(written.contains(QString::fromLatin1(c.needle)), c.file);
        QVERIFY2(written.contains(QStringLiteral("1800-01-01")), c.file);
    }
}

// Issue 13, item 5: a report is never written over the data or the suite it came from (copies here, so
// a broken guard could not damage the examples).
void TestChecksPage::reportNeverReplacesItsInputs()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath(QStringLiteral("ceo.csv"));
    const QString suite = dir.filePath(QStringLiteral("suite.json"));
    QVERIFY(QFile::copy(examplePath(QStringLiteral("ceo.csv")), data));
    QVERIFY(QFile::copy(examplePath(QStringLiteral("suite.json")), suite));
    QSignalSpy loaded(m_dataPage.get(), &DataPage::loadFinished);
    m_dataPage->loadFile(data);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
    QCOMPARE(m_page->openSuite(suite), QString());
    runAndWait();
    const QString dataBefore = readAll(data), suiteBefore = readAll(suite);
    for (const QString &target : {data, suite}) {
        const QString refused = m_page->exportReport(ChecksPage::ReportFormat::Text, target);
        QVERIFY2(refused.contains(QStringLiteral("is the same file as the input")), qPrintable(refused));
    }
    QVERIFY2(m_page->saveSuite(data).contains(QStringLiteral("is the same file as the input")), "suite over the data");
    QCOMPARE(readAll(data), dataBefore);
    QCOMPARE(readAll(suite), suiteBefore);
    QCOMPARE(m_page->saveSuite(suite), QString()); // the suite may replace itself
}

void TestChecksPage::historyReadsStoredRuns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_page = std::make_unique<ChecksPage>(workspaceContext(dir.filePath(QStringLiteral("ws.sqlite"))));
    CheckHistoryPanel *history = m_page->historyPanel();
    QTRY_VERIFY(!history->isLoading());
    QCOMPARE(history->runsTable()->rowCount(), 0);
    loadCeo();
    runAndWait();
    runAndWait();
    QTRY_VERIFY(!history->isLoading()); // read again after each stored run, off the UI thread
    QCOMPARE(history->runsTable()->rowCount(), 2);
    QCOMPARE(history->runsTable()->item(0, 1)->text(), QStringLiteral("suite.json"));
    QCOMPARE(history->runsTable()->item(0, 4)->text(), QStringLiteral("1"));

    history->runsTable()->setCurrentCell(1, 0);
    QTRY_VERIFY(!history->isLoading());
    QTreeWidget *tests = history->testsTree();
    QCOMPARE(tests->topLevelItemCount(), 1);
    QCOMPARE(tests->topLevelItem(0)->text(0), QStringLiteral("old_age"));
    QCOMPARE(tests->topLevelItem(0)->text(1), QStringLiteral("failed"));
    QCOMPARE(tests->topLevelItem(0)->text(2), QStringLiteral("1"));
    tests->setCurrentItem(tests->topLevelItem(0));
    const QString details = history->detailsShown();
    QVERIFY2(details.contains(QStringLiteral("row 0: 1800-01-01")), qPrintable(details));
    // Locals in the order the suite defines them, as the text report lists them.
    QVERIFY2(details.contains(QStringLiteral("Locals:\n\tmax_td = 47450 days, 0:00:00\n\tearliest_birth = ")),
             qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("Note:\n\tNo CEO can be born before ")), qPrintable(details));

    // Re-reading keeps the chosen run.
    history->refresh();
    QVERIFY(history->isLoading());
    QTRY_VERIFY(!history->isLoading());
    QCOMPARE(history->runsTable()->currentRow(), 1);
    QCOMPARE(tests->topLevelItemCount(), 1);
}

PageContext TestChecksPage::workspaceContext(const QString &workspace) const
{
    PageContext context;
    context.runner = m_runner.get();
    context.dataset = m_dataset.get();
    context.workspace = workspace;
    return context;
}

// A new page's history starts empty and says it is reading, then fills without blocking the page; of
// two refreshes in a row only the second one's reply is shown, the first one's is dropped.
void TestChecksPage::historyFillsAsynchronously()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const PageContext context = workspaceContext(dir.filePath(QStringLiteral("ws.sqlite")));
    m_page = std::make_unique<ChecksPage>(context);
    loadCeo();
    runAndWait();
    runAndWait();
    ChecksPage reopened(context);
    CheckHistoryPanel *history = reopened.historyPanel();
    QCOMPARE(history->runsTable()->rowCount(), 0);
    QVERIFY(history->isLoading());
    QVERIFY2(history->statusText().contains(QStringLiteral("reading")), qPrintable(history->statusText()));
    QTRY_COMPARE(history->runsTable()->rowCount(), 2);
    QVERIFY2(history->statusText().contains(QStringLiteral("2 run(s)")), qPrintable(history->statusText()));

    QSignalSpy shown(history, &CheckHistoryPanel::runsShown);
    QSignalSpy ended(history->runsReader(), &WorkspaceReader::requestEnded);
    history->refresh();
    const quint64 superseded = history->runsReader()->pendingRequest();
    history->refresh();
    const quint64 current = history->runsReader()->pendingRequest();
    QVERIFY(superseded != 0 && current != superseded);
    auto hasEnded = [&ended](quint64 request) {
        for (const QList<QVariant> &arguments : ended)
            if (arguments.first().toULongLong() == request)
                return true;
        return false;
    };
    QTRY_VERIFY(hasEnded(superseded) && hasEnded(current));
    QCOMPARE(shown.count(), 1); // the superseded reply never reached the table
    QCOMPARE(history->runsTable()->rowCount(), 2);
    QVERIFY(!history->isLoading());
}

// Issue 14, item 2: an edited suite was reported as the example's file, and "Save suite…" proposed
// overwriting resources/examples/ceo/suite.json.
void TestChecksPage::examplesStayAsShipped()
{
    QTemporaryDir dir;
    PageContext context;
    context.runner = m_runner.get();
    context.dataset = m_dataset.get();
    context.workspace = dir.filePath(QStringLiteral("w.sqlite"));
    ChecksPage page(context);
    const QString example = examplePath(QStringLiteral("suite.json"));
    const QString shipped = readAll(example);
    QCOMPARE(page.openSuite(example), QString());
    QCOMPARE(page.suiteDisplayName(), example);
    QCOMPARE(page.proposedSavePath(), dir.filePath(QStringLiteral("suite.json")));
    QVERIFY(ChecksPage::isExampleFile(example));
    const QString refused = page.saveSuite(example);
    QVERIFY2(refused.contains(QStringLiteral("examples")), qPrintable(refused));
    QCOMPARE(readAll(example), shipped);
    // Typed into the editor, the suite is no longer the example's.
    QCOMPARE(page.editor()->setSuiteText(QString(shipped).replace(QStringLiteral("old_age"), QStringLiteral("older_age"))), QString());
    QCOMPARE(page.suiteDisplayName(), QStringLiteral("<editor>"));
    // Saved elsewhere, the suite is that file's from now on.
    const QString mine = dir.filePath(QStringLiteral("mine.json"));
    QCOMPARE(page.saveSuite(mine), QString());
    QCOMPARE(page.suiteDisplayName(), mine);
    QCOMPARE(page.proposedSavePath(), mine);
    QVERIFY(!ChecksPage::isExampleFile(mine));
}

QTEST_MAIN(TestChecksPage)
#include "tst_checkspage.moc"
