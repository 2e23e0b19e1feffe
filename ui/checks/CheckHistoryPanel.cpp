#include "ui/checks/CheckHistoryPanel.h"

#include "ui/common/MessageBanner.h"
#include "ui/common/StoredRunsHeader.h"

#include "jobs/StoredCheckRuns.h"
#include "jobs/WorkspaceReader.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace loupe {

namespace {

enum RunColumn { WhenColumn, SuiteColumn, DataColumn, TestsColumn, FailuresColumn, WarningsColumn, RunColumnCount };

QTableWidgetItem *cell(const QString &text, const QString &tooltip = QString())
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (!tooltip.isEmpty())
        item->setToolTip(tooltip);
    return item;
}

} // namespace

CheckHistoryPanel::CheckHistoryPanel(const QString &workspace, QWidget *parent)
    : QWidget(parent)
    , m_runsReader(new WorkspaceReader(workspace, this))
    , m_testsReader(new WorkspaceReader(workspace, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    m_header = new StoredRunsHeader(tr("<b>Stored check runs</b>"), StoredRunsHeader::RefreshButton::Shown, this);
    layout->addWidget(m_header);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_runs = new QTableWidget(0, RunColumnCount, splitter);
    m_runs->setHorizontalHeaderLabels(
        {tr("When"), tr("Suite"), tr("Data"), tr("Tests"), tr("Failures"), tr("Warnings")});
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->setVisible(false);
    m_runs->horizontalHeader()->setSectionResizeMode(DataColumn, QHeaderView::Stretch);
    m_tests = new QTreeWidget(splitter);
    m_tests->setHeaderLabels({tr("Test"), tr("Status"), tr("Failing rows")});
    m_tests->setRootIsDecorated(false);
    m_details = new QPlainTextEdit(splitter);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Pick a run, then a test, to read what was stored of it."));
    splitter->addWidget(m_runs);
    splitter->addWidget(m_tests);
    splitter->addWidget(m_details);
    splitter->setSizes({220, 200, 240});
    layout->addWidget(splitter, 1);

    connect(m_header, &StoredRunsHeader::refreshClicked, this, &CheckHistoryPanel::refresh);
    connect(m_runs, &QTableWidget::currentCellChanged, this, [this](int row) { showRun(row); });
    connect(m_tests, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        showTest(item ? m_tests->indexOfTopLevelItem(item) : -1);
    });
    refresh();
}

CheckHistoryPanel::~CheckHistoryPanel() = default;

QString CheckHistoryPanel::detailsShown() const
{
    return m_details->toPlainText();
}

QString CheckHistoryPanel::statusText() const
{
    const QString problem = m_header->problemText();
    return problem.isEmpty() ? m_header->noteText() : problem;
}

bool CheckHistoryPanel::isLoading() const
{
    return m_runsReader->isReading() || m_testsReader->isReading();
}

void CheckHistoryPanel::refresh()
{
    if (m_runsReader->workspace().isEmpty()) {
        m_header->showNoWorkspace();
        return;
    }
    m_runsReader->read<std::vector<StoredCheckRun>>(
        [](Store &store) { return StoredCheckRuns(store).list(); },
        [this](Result<std::vector<StoredCheckRun>> runs) { showRuns(runs); });
    m_header->showReading();
}

void CheckHistoryPanel::showRuns(const Result<std::vector<StoredCheckRun>> &runs)
{
    const qint64 chosen = runIdOfRow(m_runs->currentRow());
    const QSignalBlocker blocker(m_runs);
    m_runs->setRowCount(0);
    if (!runs.isOk()) {
        m_header->showProblem(QString::fromStdString(runs.message()));
        showRun(-1);
        Q_EMIT runsShown();
        return;
    }
    int chosenRow = -1;
    for (const StoredCheckRun &run : runs.value()) {
        const int row = m_runs->rowCount();
        m_runs->insertRow(row);
        m_runs->setItem(row, WhenColumn, cell(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_runs->item(row, WhenColumn)->setData(Qt::UserRole, run.id);
        m_runs->setItem(row, SuiteColumn, cell(QFileInfo(run.suitePath).fileName(), run.suitePath));
        m_runs->setItem(row, DataColumn, cell(QFileInfo(run.dataSource).fileName(), run.dataSource));
        m_runs->setItem(row, TestsColumn, cell(QString::number(run.testsRun)));
        m_runs->setItem(row, FailuresColumn, cell(QString::number(run.failures)));
        m_runs->setItem(row, WarningsColumn, cell(QString::number(run.warnings)));
        if (run.failures > 0)
            m_runs->item(row, FailuresColumn)->setForeground(MessageBanner::textColor(MessageBanner::Kind::Error));
        if (run.id == chosen)
            chosenRow = row;
    }
    m_runs->resizeColumnsToContents();
    m_header->showListed(int(runs.value().size()));
    m_runs->setCurrentCell(chosenRow, 0);
    showRun(chosenRow);
    Q_EMIT runsShown();
}

qint64 CheckHistoryPanel::runIdOfRow(int row) const
{
    const QTableWidgetItem *item = row >= 0 ? m_runs->item(row, WhenColumn) : nullptr;
    return item ? item->data(Qt::UserRole).toLongLong() : -1;
}

void CheckHistoryPanel::showRun(int row)
{
    const QSignalBlocker blocker(m_tests);
    m_tests->clear();
    m_shownTests.clear();
    m_details->clear();
    const qint64 runId = runIdOfRow(row);
    if (runId < 0) {
        m_testsReader->cancel();
        return;
    }
    m_details->setPlainText(tr("Reading the run's tests…"));
    m_testsReader->read<std::vector<StoredCheckTest>>(
        [runId](Store &store) { return StoredCheckRuns(store).tests(runId); },
        [this](Result<std::vector<StoredCheckTest>> tests) { showTests(tests); });
}

void CheckHistoryPanel::showTests(const Result<std::vector<StoredCheckTest>> &tests)
{
    const QSignalBlocker blocker(m_tests);
    m_details->clear();
    if (!tests.isOk()) {
        m_details->setPlainText(tr("Cannot read the run's tests: %1").arg(QString::fromStdString(tests.message())));
        return;
    }
    m_shownTests = tests.value();
    for (const StoredCheckTest &test : m_shownTests) {
        const QString status = test.passed ? tr("passed") : test.severity == QLatin1String("warn") ? tr("warning")
                                                                                                   : tr("failed");
        const QString failing = test.passed ? QString() : QString::number(test.failureCount);
        auto *item = new QTreeWidgetItem(m_tests, {test.name, status, failing});
        if (!test.passed)
            item->setForeground(1, MessageBanner::textColor(test.severity == QLatin1String("warn")
                                                                ? MessageBanner::Kind::Warning
                                                                : MessageBanner::Kind::Error));
    }
    for (int column = 0; column < m_tests->columnCount(); ++column)
        m_tests->resizeColumnToContents(column);
}

void CheckHistoryPanel::showTest(int index)
{
    if (index < 0 || index >= int(m_shownTests.size())) {
        m_details->clear();
        return;
    }
    m_details->setPlainText(StoredCheckRuns::detailsText(m_shownTests[std::size_t(index)]));
}

} // namespace loupe
