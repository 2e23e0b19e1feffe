#include "ui/checks/CheckResultsTree.h"

#include "ui/common/MessageBanner.h"

#include "core/checks/report/CheckReportText.h"
#include "core/data/Table.h"

#include <QBrush>
#include <QHeaderView>
#include <QSignalBlocker>

namespace loupe {

namespace {

QColor statusColor(CheckTestStatus status)
{
    switch (status) {
    case CheckTestStatus::Passed:
        return QColor(30, 120, 50);
    case CheckTestStatus::Failed:
        return MessageBanner::textColor(MessageBanner::Kind::Error);
    case CheckTestStatus::Warning:
        return MessageBanner::textColor(MessageBanner::Kind::Warning);
    }
    return QColor(Qt::black);
}

QString statusText(CheckTestStatus status)
{
    switch (status) {
    case CheckTestStatus::Passed:
        return CheckResultsTree::tr("passed");
    case CheckTestStatus::Failed:
        return CheckResultsTree::tr("FAILED");
    case CheckTestStatus::Warning:
        return CheckResultsTree::tr("warning");
    }
    return QString();
}

QString cellText(const CheckTestResult &test, std::size_t position, const Table *table)
{
    const AssertionOutcome &outcome = test.outcome;
    if (position < outcome.offendingValues.size())
        return QString::fromStdString(outcome.offendingValues[position]);
    const std::uint64_t row = outcome.failingRows[position];
    if (!table || row >= table->rowCount())
        return QString();
    QStringList cells;
    for (const std::string &name : outcome.columns)
        if (const Column *column = table->find(name))
            cells << (column->isValid(row) ? QString::fromStdString(column->displayAt(row)) : CheckResultsTree::tr("missing"));
    return cells.join(QStringLiteral(", "));
}

QStringList columnsOf(const CheckTestResult &test)
{
    QStringList columns;
    for (const std::string &name : test.outcome.columns)
        columns << QString::fromStdString(name);
    return columns;
}

} // namespace

CheckResultsTree::CheckResultsTree(QWidget *parent) : QTreeWidget(parent)
{
    setColumnCount(3);
    setHeaderLabels({tr("Test / failing row"), tr("Status"), tr("Details")});
    header()->setSectionResizeMode(0, QHeaderView::Interactive);
    header()->resizeSection(0, 260);
    header()->resizeSection(1, 80);
    header()->setStretchLastSection(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    connect(this, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current, QTreeWidgetItem *) { onCurrentItemChanged(current); });
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item, int) { onItemActivated(item); });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item, int) { onItemActivated(item); });
}

void CheckResultsTree::clearRun()
{
    clear();
    m_run = CheckRunResult();
}

void CheckResultsTree::showRun(const CheckRunResult &run, std::shared_ptr<const Table> table)
{
    clear();
    m_run = run;
    auto *suiteItem = new QTreeWidgetItem(this);
    suiteItem->setText(0, QString::fromStdString(run.suiteName));
    suiteItem->setText(1, run.ok() ? tr("OK") : tr("FAILED"));
    suiteItem->setForeground(1, QBrush(statusColor(run.ok() ? CheckTestStatus::Passed : CheckTestStatus::Failed)));
    suiteItem->setText(2, tr("%1 — %2 on %3 in %4 s")
                              .arg(QString::fromStdString(summaryVerdict(run)),
                                   tr("%n test(s)", nullptr, int(run.tests.size())),
                                   tr("%n row(s)", nullptr, int(run.rowCount)),
                                   QString::fromStdString(formatSeconds(run.seconds))));
    suiteItem->setData(0, TestIndexRole, -1);
    suiteItem->setData(0, KindRole, int(ItemKind::Suite));
    QFont bold = font();
    bold.setBold(true);
    suiteItem->setFont(0, bold);
    for (std::size_t i = 0; i < run.tests.size(); ++i)
        addTest(suiteItem, int(i), run.tests[i], table.get());
    suiteItem->setExpanded(true);
    for (int i = 0; i < suiteItem->childCount(); ++i)
        suiteItem->child(i)->setExpanded(run.tests[std::size_t(i)].failed());
    setCurrentItem(suiteItem);
}

void CheckResultsTree::addTest(QTreeWidgetItem *suiteItem, int index, const CheckTestResult &test, const Table *table)
{
    auto *item = new QTreeWidgetItem(suiteItem);
    item->setText(0, QStringLiteral("%1 (%2)").arg(QString::fromStdString(test.name), QString::fromStdString(test.assertion)));
    item->setText(1, statusText(test.status));
    item->setForeground(1, QBrush(statusColor(test.status)));
    const AssertionOutcome &outcome = test.outcome;
    if (outcome.tableLevel)
        item->setText(2, QString::fromStdString(outcome.passed ? outcome.observed : outcome.message));
    else if (outcome.failingCount() > 0)
        item->setText(2, tr("%1 of %2 values fail (%3)")
                             .arg(outcome.failingCount())
                             .arg(outcome.checkedCount)
                             .arg(QString::fromStdString(formatPercent(test.failingPercent()))));
    else
        item->setText(2, tr("%1 values checked").arg(outcome.checkedCount));
    item->setToolTip(2, item->text(2));
    item->setData(0, TestIndexRole, index);
    item->setData(0, KindRole, int(ItemKind::Test));
    const std::size_t shown = std::min<std::size_t>(outcome.failingRows.size(), kMaxRowItems);
    for (std::size_t i = 0; i < shown; ++i) {
        auto *failure = new QTreeWidgetItem(item);
        failure->setText(0, tr("row %1").arg(outcome.failingRows[i]));
        failure->setText(2, cellText(test, i, table));
        failure->setData(0, TestIndexRole, index);
        failure->setData(0, RowRole, QVariant::fromValue<quint64>(outcome.failingRows[i]));
        failure->setData(0, KindRole, int(ItemKind::Failure));
    }
    if (outcome.failingRows.size() > shown) {
        auto *more = new QTreeWidgetItem(item);
        more->setText(0, tr("… %1 more rows").arg(outcome.failingRows.size() - shown));
        more->setText(2, tr("click to highlight all failing rows"));
        more->setData(0, TestIndexRole, index);
        more->setData(0, KindRole, int(ItemKind::More));
    }
}

QTreeWidgetItem *CheckResultsTree::testItem(int testIndex) const
{
    QTreeWidgetItem *suite = topLevelItem(0);
    return suite && testIndex >= 0 && testIndex < suite->childCount() ? suite->child(testIndex) : nullptr;
}

QTreeWidgetItem *CheckResultsTree::firstFailureItem(int testIndex) const
{
    QTreeWidgetItem *test = testItem(testIndex);
    return test && test->childCount() > 0 ? test->child(0) : nullptr;
}

QTreeWidgetItem *CheckResultsTree::failureItem(int testIndex, quint64 row) const
{
    QTreeWidgetItem *test = testItem(testIndex);
    for (int i = 0; test && i < test->childCount(); ++i) {
        QTreeWidgetItem *child = test->child(i);
        if (ItemKind(child->data(0, KindRole).toInt()) == ItemKind::Failure && child->data(0, RowRole).value<quint64>() == row)
            return child;
    }
    return nullptr;
}

bool CheckResultsTree::selectRow(int testIndex, quint64 row)
{
    QTreeWidgetItem *failure = failureItem(testIndex, row);
    QTreeWidgetItem *item = failure ? failure : testItem(testIndex);
    if (!item)
        return false;
    const QSignalBlocker blocker(this);
    if (failure)
        failure->parent()->setExpanded(true);
    setCurrentItem(item);
    scrollToItem(item);
    viewport()->update(); // the blocked signals would have repainted the new current item
    return failure != nullptr;
}

void CheckResultsTree::onCurrentItemChanged(QTreeWidgetItem *current)
{
    if (!current)
        return;
    const int testIndex = current->data(0, TestIndexRole).toInt();
    emit testSelected(testIndex);
    const bool failure = ItemKind(current->data(0, KindRole).toInt()) == ItemKind::Failure;
    emit rowSelected(testIndex, failure ? qint64(current->data(0, RowRole).value<quint64>()) : -1);
}

void CheckResultsTree::onItemActivated(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int index = item->data(0, TestIndexRole).toInt();
    if (index < 0 || std::size_t(index) >= m_run.tests.size())
        return;
    const CheckTestResult &test = m_run.tests[std::size_t(index)];
    QVector<quint64> rows;
    if (ItemKind(item->data(0, KindRole).toInt()) == ItemKind::Failure)
        rows.push_back(item->data(0, RowRole).value<quint64>());
    else
        rows = QVector<quint64>(test.outcome.failingRows.begin(), test.outcome.failingRows.end());
    if (!rows.isEmpty())
        emit failureActivated(index, columnsOf(test), rows);
}

} // namespace loupe
