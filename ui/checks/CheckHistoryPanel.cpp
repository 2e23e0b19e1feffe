#include "ui/checks/CheckHistoryPanel.h"

#include "ui/checks/StoredCheckRuns.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
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
    : QWidget(parent), m_store(std::make_unique<StoredCheckRuns>(workspace))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto *top = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    top->addWidget(m_status, 1);
    top->addWidget(refreshButton);
    layout->addLayout(top);

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

    connect(refreshButton, &QPushButton::clicked, this, &CheckHistoryPanel::refresh);
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

void CheckHistoryPanel::refresh()
{
    const qint64 chosen = runIdOfRow(m_runs->currentRow());
    auto runs = m_store->list();
    const QSignalBlocker blocker(m_runs);
    m_runs->setRowCount(0);
    if (!runs.isOk()) {
        m_status->setText(tr("No stored check runs: %1").arg(QString::fromStdString(runs.message())));
        showRun(-1);
        return;
    }
    int chosenRow = -1;
    for (const StoredCheckRun &run : runs.value()) {
        const int row = m_runs->rowCount();
        m_runs->insertRow(row);
        m_runs->setItem(row, WhenColumn, cell(run.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_runs->item(row, WhenColumn)->setData(Qt::UserRole, run.id);
        m_runs->setItem(row, SuiteColumn, cell(QFileInfo(run.suitePath).fileName(), run.suitePath));
        m_runs->setItem(row, DataColumn, cell(QFileInfo(run.dataPath).fileName(), run.dataPath));
        m_runs->setItem(row, TestsColumn, cell(QString::number(run.testsRun)));
        m_runs->setItem(row, FailuresColumn, cell(QString::number(run.failures)));
        m_runs->setItem(row, WarningsColumn, cell(QString::number(run.warnings)));
        if (run.failures > 0)
            m_runs->item(row, FailuresColumn)->setForeground(QColor(179, 38, 30));
        if (run.id == chosen)
            chosenRow = row;
    }
    m_runs->resizeColumnsToContents();
    m_status->setText(runs.value().empty() ? tr("No check run is stored in this workspace yet.")
                                           : tr("%n stored check run(s), newest first.", nullptr,
                                                int(runs.value().size())));
    m_runs->setCurrentCell(chosenRow, 0);
    showRun(chosenRow);
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
    if (runId < 0)
        return;
    auto tests = m_store->tests(runId);
    if (!tests.isOk()) {
        m_details->setPlainText(tr("Cannot read the run's tests: %1").arg(QString::fromStdString(tests.message())));
        return;
    }
    m_shownTests = tests.takeValue();
    for (const StoredCheckTest &test : m_shownTests) {
        const QString status = test.passed ? tr("passed") : test.severity == QLatin1String("warn") ? tr("warning")
                                                                                                   : tr("failed");
        const QString failing = test.passed ? QString() : QString::number(test.failureCount);
        auto *item = new QTreeWidgetItem(m_tests, {test.name, status, failing});
        if (!test.passed)
            item->setForeground(1, test.severity == QLatin1String("warn") ? QColor(166, 110, 0) : QColor(179, 38, 30));
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
