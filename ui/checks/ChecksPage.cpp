#include "ui/checks/ChecksPage.h"

#include "ui/common/DatasetSession.h"
#include "ui/common/ExportFile.h"
#include "ui/checks/CheckHistoryPanel.h"
#include "ui/checks/CheckResultsTree.h"
#include "ui/checks/SuiteEditor.h"
#include "ui/checks/FailurePlot.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/RecentFolder.h"

#include "jobs/CheckJob.h"
#include "jobs/JobRunner.h"

#include "core/checks/SuiteParser.h"
#include "core/checks/report/CheckReportText.h"
#include "core/checks/report/HtmlCheckReport.h"
#include "core/checks/report/JsonCheckReport.h"
#include "core/checks/report/JunitCheckReport.h"
#include "core/checks/report/TextCheckReport.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace loupe {

namespace {

const QString kRunSlot = QStringLiteral("checks");

// Through ExportFile: never over one of `inputs`, never a special file, whole or not at all.
QString writeText(const QString &path, const QByteArray &bytes, const QStringList &inputs)
{
    const Status written = ExportFile::write(path, bytes, inputs);
    return written.isOk() ? QString() : ChecksPage::tr("Not written: %1").arg(QString::fromStdString(written.message()));
}

} // namespace

ChecksPage::ChecksPage(const PageContext &context, QWidget *parent) : QWidget(parent), m_context(context)
{
    buildUi();
    connect(m_context.dataset, &DatasetSession::datasetChanged, this, &ChecksPage::onDatasetChanged);
    onDatasetChanged();
}

ChecksPage::~ChecksPage()
{
    if (m_run)
        m_context.runner->cancel(m_run);
}

void ChecksPage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildTopBar());
    m_message = new MessageBanner(this);
    layout->addWidget(m_message);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_editor = new SuiteEditor(splitter);
    splitter->addWidget(m_editor);
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({560, 800});
    layout->addWidget(splitter, 1);
    setRunningUi(false);
}

QWidget *ChecksPage::buildTopBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    auto *openButton = new QPushButton(tr("Open suite…"), bar);
    auto *saveButton = new QPushButton(tr("Save suite…"), bar);
    m_datasetLabel = new QLabel(bar);
    m_progress = new QProgressBar(bar);
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(200);
    m_cancelButton = new QPushButton(tr("Cancel"), bar);
    m_runButton = new QPushButton(tr("Run checks"), bar);
    m_runButton->setObjectName(QStringLiteral("runChecksButton"));
    m_runButton->setDefault(true);
    m_exportButton = new QPushButton(tr("Export report"), bar);
    auto *menu = new QMenu(m_exportButton);
    menu->addAction(tr("Text (marbles style)…"), this, [this] { exportWithDialog(ReportFormat::Text); });
    menu->addAction(tr("JSON…"), this, [this] { exportWithDialog(ReportFormat::Json); });
    menu->addAction(tr("JUnit XML…"), this, [this] { exportWithDialog(ReportFormat::Junit); });
    menu->addAction(tr("HTML…"), this, [this] { exportWithDialog(ReportFormat::Html); });
    m_exportButton->setMenu(menu);
    row->addWidget(openButton);
    row->addWidget(saveButton);
    row->addSpacing(12);
    row->addWidget(m_datasetLabel, 1);
    row->addWidget(m_progress);
    row->addWidget(m_cancelButton);
    row->addWidget(m_runButton);
    row->addWidget(m_exportButton);
    connect(openButton, &QPushButton::clicked, this, &ChecksPage::openWithDialog);
    connect(saveButton, &QPushButton::clicked, this, &ChecksPage::saveWithDialog);
    connect(m_runButton, &QPushButton::clicked, this, &ChecksPage::runChecks);
    connect(m_cancelButton, &QPushButton::clicked, this, &ChecksPage::cancelRun);
    return bar;
}

QWidget *ChecksPage::buildResults()
{
    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_tree = new CheckResultsTree(splitter);
    m_report = new QPlainTextEdit(splitter);
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setPlaceholderText(tr("Run the suite, then pick a test to read its report."));
    m_plot = new FailurePlot(splitter);
    m_plot->setMinimumHeight(200);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_report);
    splitter->addWidget(m_plot);
    splitter->setSizes({260, 240, 260});
    connect(m_tree, &CheckResultsTree::testSelected, this, &ChecksPage::onTestSelected);
    connect(m_tree, &CheckResultsTree::failureActivated, this,
            [this](int, const QStringList &columns, const QVector<quint64> &rows) { emit showFailingCells(columns, rows); });
    // A point of the plot stands for a row: the Data page shows it, as a failure in the tree does, and
    // the tree selects that failure; a failure selected in the tree is ringed on the plot.
    connect(m_plot, &FailurePlot::rowClicked, this, [this](const QString &column, quint64 row) {
        m_tree->selectRow(m_plotTest, row);
        onTestSelected(m_plotTest); // the report follows the tree's new current item (its test)
        emit showFailingCells({column}, {row});
    });
    connect(m_tree, &CheckResultsTree::rowSelected, this, [this](int testIndex, qint64 row) {
        if (testIndex == m_plotTest)
            m_plot->setSelectedRow(row);
    });
    // This run's results, and the runs stored in the workspace before it.
    m_resultTabs = new QTabWidget(this);
    m_resultTabs->addTab(splitter, tr("This run"));
    m_history = new CheckHistoryPanel(m_context.workspace, m_resultTabs);
    m_resultTabs->addTab(m_history, tr("History"));
    return m_resultTabs;
}

void ChecksPage::setRunningUi(bool running)
{
    m_runButton->setEnabled(m_context.dataset->hasDataset() && !running);
    m_cancelButton->setVisible(running);
    m_progress->setVisible(running);
    m_exportButton->setEnabled(m_result.has_value() && !running);
    if (running)
        m_progress->setValue(0);
}

void ChecksPage::showOutcome(const QString &problem, const QString &done)
{
    if (problem.isEmpty())
        m_message->showMessage(done, MessageBanner::Kind::Info);
    else
        m_message->showMessage(problem, MessageBanner::Kind::Error);
}

QString ChecksPage::messageText() const
{
    return m_message->text();
}

QString ChecksPage::reportShown() const
{
    return m_report->toPlainText();
}

void ChecksPage::onDatasetChanged()
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table)
        m_datasetLabel->setText(tr("No dataset — open a CSV file on the Data page."));
    else
        m_datasetLabel->setText(tr("Data: %1 — %2 rows")
                                    .arg(QFileInfo(current.path).fileName(),
                                         QLocale().toString(qulonglong(current.table->rowCount()))));
    setRunningUi(m_run != 0);
}

QString ChecksPage::openSuite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot open %1: %2").arg(path, file.errorString());
    const QString text = QString::fromUtf8(file.readAll());
    const QString problem = m_editor->setSuiteText(text);
    m_suitePath = path;
    m_loadedSuiteText = m_editor->suiteText();
    showOutcome(problem.isEmpty() ? QString() : tr("%1: %2").arg(path, problem), QString());
    return problem;
}

QString ChecksPage::saveSuite(const QString &path)
{
    if (isExampleFile(path))
        return tr("%1 is one of Loupe's examples, which stay as shipped; save the suite to another file "
                  "(the workspace's folder is proposed).")
            .arg(path);
    // The suite may replace itself, not the loaded data.
    const QString text = m_editor->suiteText();
    const QString problem = writeText(path, text.toUtf8(), {m_context.dataset->current().path});
    if (problem.isEmpty()) {
        m_suitePath = path;
        m_loadedSuiteText = text;
    }
    return problem;
}

QString ChecksPage::suiteDisplayName() const
{
    if (m_suitePath.isEmpty() || m_editor->suiteText() != m_loadedSuiteText)
        return QStringLiteral("<editor>");
    return m_suitePath;
}

bool ChecksPage::isExampleFile(const QString &path)
{
    // The checkout's resources/examples, or the installed share/loupe/examples (links resolved).
    const QFileInfo info(path);
    const QString absolute = info.exists() ? info.canonicalFilePath() : info.absoluteFilePath();
    return absolute.contains(QStringLiteral("/resources/examples/"))
           || absolute.contains(QStringLiteral("/share/loupe/examples/"));
}

QString ChecksPage::proposedSavePath() const
{
    const QString name = m_suitePath.isEmpty() ? QStringLiteral("suite.json") : QFileInfo(m_suitePath).fileName();
    if (!m_suitePath.isEmpty() && !isExampleFile(m_suitePath))
        return m_suitePath;
    const QString workspaceFolder = m_context.workspace.isEmpty() || m_context.workspace.contains(QStringLiteral("://"))
                                        ? QDir::homePath()
                                        : QFileInfo(m_context.workspace).absolutePath();
    return QDir(RecentFolder::folder(FolderPurpose::Suites, workspaceFolder)).filePath(name);
}

void ChecksPage::runChecks()
{
    const LoadedTable &current = m_context.dataset->current();
    if (!current.table) {
        m_message->showMessage(tr("Open a CSV file on the Data page first."), MessageBanner::Kind::Error);
        return;
    }
    const QString display = suiteDisplayName();
    const QString text = m_editor->suiteText();
    // Parsed here too, so a bad suite is reported at once and no run starts; the job parses its own copy.
    auto suite = SuiteParser::parseText(text.toStdString(), display.toStdString());
    if (!suite.isOk()) {
        m_message->showMessage(tr("The suite has a problem: %1").arg(QString::fromStdString(suite.message())),
                               MessageBanner::Kind::Error);
        return;
    }
    if (m_run)
        cancelRun();
    m_message->clear();
    CheckJobOptions options;
    options.workspace = m_context.workspace;
    auto *job = new CheckJob(current, text, display, options);
    JobRunner *runner = m_context.runner;
    runner->connectCurrent(job, &CheckJob::progress, this, [this](double fraction, const QString &) {
        m_progress->setValue(int(fraction * 1000.0));
    });
    runner->connectCurrent(job, &CheckJob::finished, this,
                           [this](const CheckJobResult &result) { onRunFinished(result); });
    runner->connectCurrent(job, &CheckJob::failed, this, [this](const QString &message) { onRunFailed(message); });
    runner->connectCurrent(job, &CheckJob::cancelled, this, [this]() { onRunCancelled(); });
    m_resultTable = current.table;
    m_run = runner->start(job, kRunSlot);
    setRunningUi(true);
}

void ChecksPage::cancelRun()
{
    if (!m_run)
        return;
    m_context.runner->cancel(m_run);
    m_run = 0;
    setRunningUi(false);
    m_message->showMessage(tr("Check run cancelled."), MessageBanner::Kind::Info);
    emit runCancelled();
}

void ChecksPage::onRunFinished(const CheckJobResult &jobResult)
{
    const CheckRunResult &result = jobResult.run;
    m_run = 0;
    m_resultTabs->setCurrentIndex(0); // the run just made, even if the history was open
    if (jobResult.workspaceRunId >= 0)
        m_history->refresh();
    else if (!jobResult.workspaceNote.isEmpty() && !m_context.workspace.isEmpty())
        m_message->showMessage(tr("The run was not stored in the workspace: %1").arg(jobResult.workspaceNote),
                               MessageBanner::Kind::Warning);
    m_result = result;
    m_plotTest = -1;
    m_tree->showRun(result, m_resultTable);
    setRunningUi(false);
    onTestSelected(-1);
    for (std::size_t i = 0; i < result.tests.size(); ++i)
        if (result.tests[i].failed()) {
            showTestInPlot(int(i));
            break;
        }
    emit runFinished();
}

void ChecksPage::onRunFailed(const QString &message)
{
    m_run = 0;
    setRunningUi(false);
    m_message->showMessage(tr("The check run failed: %1").arg(message), MessageBanner::Kind::Error);
    emit runFailed(message);
}

void ChecksPage::onRunCancelled()
{
    m_run = 0;
    setRunningUi(false);
    emit runCancelled();
}

void ChecksPage::onTestSelected(int testIndex)
{
    if (!m_result)
        return;
    if (testIndex < 0 || std::size_t(testIndex) >= m_result->tests.size()) {
        m_report->setPlainText(QString::fromStdString(TextCheckReport::render(*m_result)));
        return;
    }
    const CheckTestResult &test = m_result->tests[std::size_t(testIndex)];
    if (test.failed())
        m_report->setPlainText(QString::fromStdString(failureDetails(test, m_result->suitePath)));
    else
        m_report->setPlainText(tr("%1 passed (%2 values checked).\n\n%3")
                                   .arg(QString::fromStdString(test.name))
                                   .arg(test.outcome.checkedCount)
                                   .arg(QString::fromStdString(test.definition)));
    showTestInPlot(testIndex);
}

void ChecksPage::showTestInPlot(int testIndex)
{
    // Moving between the failures of one test keeps the plot (a million-row column is sampled again
    // otherwise); only the ring moves.
    if (!m_resultTable || testIndex == m_plotTest)
        return;
    m_plotTest = testIndex;
    m_plot->showTest(*m_resultTable, m_result->tests[std::size_t(testIndex)]);
}

QString ChecksPage::reportText(ReportFormat format, const CheckRunResult &run)
{
    switch (format) {
    case ReportFormat::Text:
        return QString::fromStdString(TextCheckReport::render(run));
    case ReportFormat::Json:
        return QString::fromStdString(JsonCheckReport::render(run));
    case ReportFormat::Junit:
        return QString::fromStdString(JunitCheckReport::render(run));
    case ReportFormat::Html:
        return QString::fromStdString(HtmlCheckReport::render(run));
    }
    return QString();
}

QString ChecksPage::exportReport(ReportFormat format, const QString &path) const
{
    if (!m_result)
        return tr("Run the suite before exporting its report.");
    return writeText(path, reportText(format, *m_result).toUtf8(), {m_context.dataset->current().path, m_suitePath});
}

void ChecksPage::openWithDialog()
{
    const QString path = RecentFolder::getOpenFileName(this, FolderPurpose::Suites, tr("Open suite"),
                                                       tr("Suites (*.json);;All files (*)"),
                                                       m_suitePath.isEmpty() ? QString() : QFileInfo(m_suitePath).absolutePath());
    if (!path.isEmpty())
        openSuite(path);
}

void ChecksPage::saveWithDialog()
{
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::Suites, tr("Save suite"), proposedSavePath(),
                                                       tr("Suites (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    const QString problem = saveSuite(path);
    showOutcome(problem, tr("Saved %1").arg(path));
}

void ChecksPage::exportWithDialog(ReportFormat format)
{
    static const char *const kSuffix[] = {"txt", "json", "xml", "html"};
    const QString suffix = QString::fromLatin1(kSuffix[int(format)]);
    const QString proposed = QStringLiteral("check-report.%1").arg(suffix);
    const QString path = RecentFolder::getSaveFileName(this, FolderPurpose::Exports, tr("Export report"), proposed,
                                                       tr("Report (*.%1);;All files (*)").arg(suffix));
    if (path.isEmpty())
        return;
    const QString problem = exportReport(format, path);
    showOutcome(problem, tr("Report written to %1").arg(path));
}

} // namespace loupe
