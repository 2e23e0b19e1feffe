#include "ui/data/TableQueryBar.h"

#include "ui/common/DisplayFormat.h"
#include "ui/common/MessageBanner.h"
#include "ui/data/TableModel.h"

#include "core/data/RowPredicate.h"
#include "jobs/JobRunner.h"
#include "jobs/RowOrderJob.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QTableView>

namespace loupe {

namespace {

const QString kOrderSlot = QStringLiteral("data.order");

const FilterCondition kConditions[] = {FilterCondition::Contains, FilterCondition::Equals,
                                       FilterCondition::Less,     FilterCondition::Greater,
                                       FilterCondition::IsMissing, FilterCondition::IsPresent};

QString columnName(const Table &table, std::size_t column)
{
    return QString::fromStdString(table.column(column).name());
}

} // namespace

TableQueryBar::TableQueryBar(JobRunner *runner, TableModel *model, QTableView *view, QWidget *parent)
    : QWidget(parent), m_runner(runner), m_model(model), m_view(view)
{
    Q_ASSERT(m_runner && m_model && m_view);
    buildUi();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsClickable(true);
    header->setSortIndicatorShown(true);
    header->setSortIndicatorClearable(true); // ascending, descending, then table order again
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setToolTip(tr("Click a column header to sort by it (again: descending; a third time: table order)"));
    connect(header, &QHeaderView::sortIndicatorChanged, this, &TableQueryBar::onSortIndicatorChanged);
    resetForTable();
}

TableQueryBar::~TableQueryBar()
{
    if (m_run)
        m_runner->cancel(m_run);
}

void TableQueryBar::buildUi()
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Filter:"), this));
    m_column = new QComboBox(this);
    m_column->setObjectName(QStringLiteral("filterColumn"));
    m_column->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_column->setMinimumContentsLength(10);
    row->addWidget(m_column);
    m_condition = new QComboBox(this);
    m_condition->setObjectName(QStringLiteral("filterCondition"));
    for (FilterCondition condition : kConditions)
        m_condition->addItem(QString::fromLatin1(filterConditionName(condition).data()), int(condition));
    m_condition->setToolTip(tr("contains: the cell's text as shown contains the value (case-sensitive)\n"
                               "= < >: numbers and dates by value, text exactly (by its characters' codes)\n"
                               "A missing cell only matches 'is missing'."));
    row->addWidget(m_condition);
    m_operand = new QLineEdit(this);
    m_operand->setObjectName(QStringLiteral("filterValue"));
    m_operand->setPlaceholderText(tr("value"));
    m_operand->setClearButtonEnabled(true);
    m_operand->setMinimumWidth(120);
    m_operand->setMaximumWidth(180);
    row->addWidget(m_operand, 1);
    m_apply = new QPushButton(tr("Apply"), this);
    m_apply->setObjectName(QStringLiteral("applyFilter"));
    row->addWidget(m_apply);
    m_clear = new QPushButton(tr("Clear filter"), this);
    m_clear->setObjectName(QStringLiteral("clearFilter"));
    row->addWidget(m_clear);
    // One place at the end of the row: what the table shows, or, while a job runs, its progress and Cancel;
    // the controls before it never move.
    m_statusArea = new QStackedWidget(this);
    m_statusArea->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_status = new QLabel(m_statusArea);
    m_status->setObjectName(QStringLiteral("queryStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_statusArea->addWidget(m_status);
    auto *busy = new QWidget(m_statusArea);
    auto *busyRow = new QHBoxLayout(busy);
    busyRow->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(busy);
    m_progress->setObjectName(QStringLiteral("queryProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(260);
    busyRow->addWidget(m_progress, 1);
    m_cancel = new QPushButton(tr("Cancel"), busy);
    m_cancel->setObjectName(QStringLiteral("cancelQuery"));
    m_cancel->setToolTip(tr("Stop sorting or filtering; the table keeps its current rows"));
    busyRow->addWidget(m_cancel);
    busyRow->addStretch(0);
    m_statusArea->addWidget(busy);
    row->addWidget(m_statusArea, 1);

    connect(m_column, &QComboBox::currentIndexChanged, this, &TableQueryBar::validateFields);
    connect(m_condition, &QComboBox::currentIndexChanged, this, &TableQueryBar::validateFields);
    connect(m_operand, &QLineEdit::textChanged, this, &TableQueryBar::validateFields);
    connect(m_operand, &QLineEdit::returnPressed, this, &TableQueryBar::applyFilter);
    connect(m_apply, &QPushButton::clicked, this, &TableQueryBar::applyFilter);
    connect(m_clear, &QPushButton::clicked, this, &TableQueryBar::clearFilter);
    connect(m_cancel, &QPushButton::clicked, this, &TableQueryBar::cancel);
    setBusy(false);
}

void TableQueryBar::resetForTable()
{
    cancel();
    m_query = RowQuery();
    m_shown = RowQuery();
    {
        const QSignalBlocker blocker(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    }
    const QSignalBlocker blocker(m_column);
    m_column->clear();
    if (const std::shared_ptr<const Table> &table = m_model->table())
        for (std::size_t c = 0; c < table->columnCount(); ++c)
            m_column->addItem(columnName(*table, c), int(c));
    validateFields();
    setEnabled(m_model->table() != nullptr);
}

void TableQueryBar::setFilterFields(int column, FilterCondition condition, const QString &operand)
{
    m_column->setCurrentIndex(m_column->findData(column));
    m_condition->setCurrentIndex(m_condition->findData(int(condition)));
    m_operand->setText(operand);
    validateFields();
}

std::optional<RowFilter> TableQueryBar::fieldFilter() const
{
    if (m_column->currentIndex() < 0)
        return std::nullopt;
    return RowFilter{std::size_t(m_column->currentData().toInt()), FilterCondition(m_condition->currentData().toInt()),
                     m_operand->text().toStdString()};
}

// The fields are read as the column's type as they are typed; an unreadable value disables Apply.
void TableQueryBar::validateFields()
{
    m_filterError.clear();
    const std::shared_ptr<const Table> &table = m_model->table();
    const std::optional<RowFilter> filter = fieldFilter();
    const bool takesOperand = !filter || filterConditionTakesOperand(filter->condition);
    m_operand->setEnabled(takesOperand);
    if (table && filter && filter->column < table->columnCount()) {
        const Result<RowPredicate> compiled = RowPredicate::compile(table->column(filter->column), *filter);
        if (!compiled.isOk())
            m_filterError = QString::fromStdString(compiled.message());
    }
    m_apply->setEnabled(table && filter && m_filterError.isEmpty());
    updateStatus();
}

void TableQueryBar::applyFilter()
{
    validateFields();
    if (!m_apply->isEnabled())
        return;
    m_query.filter = fieldFilter();
    start();
}

void TableQueryBar::clearFilter()
{
    if (!m_query.filter && !m_shown.filter)
        return;
    m_query.filter.reset();
    start();
}

void TableQueryBar::sortBy(int column, SortDirection direction)
{
    const Qt::SortOrder order = direction == SortDirection::Ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    {
        const QSignalBlocker blocker(m_view->horizontalHeader());
        m_view->horizontalHeader()->setSortIndicator(column, order);
    }
    onSortIndicatorChanged(column, order);
}

void TableQueryBar::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (column < 0)
        m_query.sort.reset();
    else
        m_query.sort = SortKey{std::size_t(column),
                               order == Qt::AscendingOrder ? SortDirection::Ascending : SortDirection::Descending};
    start();
}

void TableQueryBar::start()
{
    const std::shared_ptr<const Table> table = m_model->table();
    if (!table)
        return;
    if (m_run) {
        m_runner->cancel(m_run);
        m_run = 0;
    }
    if (m_query.isIdentity()) {
        setBusy(false);
        applyOrder(nullptr);
        return;
    }
    auto *job = new RowOrderJob(table, m_query);
    m_runner->connectCurrent(job, &Job::progress, this, [this](double fraction, const QString &stage) {
        m_progress->setValue(int(fraction * 1000.0));
        m_progress->setFormat(QStringLiteral("%1 %p %").arg(stage));
    });
    m_runner->connectCurrent(job, &RowOrderJob::finished, this, [this](const RowOrder &order) {
        if (order.table != m_model->table())
            return;
        m_run = 0;
        setBusy(false);
        applyOrder(order.rows);
    });
    m_runner->connectCurrent(job, &Job::failed, this, [this](const QString &message) {
        m_run = 0;
        m_query = m_shown;
        setBusy(false);
        m_status->setText(message);
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(MessageBanner::textColor(MessageBanner::Kind::Error).name()));
        Q_EMIT orderFailed(message);
    });
    m_run = m_runner->start(job, kOrderSlot);
    setBusy(true);
}

void TableQueryBar::cancel()
{
    if (!m_run)
        return;
    m_runner->cancel(m_run);
    m_run = 0;
    m_query = m_shown;
    {
        const QSignalBlocker blocker(m_view->horizontalHeader());
        const std::optional<SortKey> &sort = m_shown.sort;
        m_view->horizontalHeader()->setSortIndicator(
            sort ? int(sort->column) : -1,
            sort && sort->direction == SortDirection::Descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    }
    setBusy(false);
}

void TableQueryBar::applyOrder(std::shared_ptr<const std::vector<std::size_t>> rows)
{
    Q_EMIT orderAboutToChange();
    m_model->setRowOrder(std::move(rows));
    m_shown = m_query;
    updateStatus();
    Q_EMIT orderApplied();
}

void TableQueryBar::setBusy(bool busy)
{
    m_statusArea->setCurrentIndex(busy ? 1 : 0);
    if (busy) {
        m_progress->setValue(0);
        m_progress->setFormat(m_query.sort ? tr("sorting") : tr("filtering"));
    }
    updateStatus();
}

// The applied filter and sort in full, for the status line's tooltip.
QString TableQueryBar::queryText() const
{
    const std::shared_ptr<const Table> &table = m_model->table();
    QStringList parts;
    if (const std::optional<RowFilter> &filter = m_shown.filter) {
        QString text = tr("filter: %1 %2").arg(columnName(*table, filter->column),
                                               QString::fromLatin1(filterConditionName(filter->condition).data()));
        if (filterConditionTakesOperand(filter->condition))
            text += QStringLiteral(" “%1”").arg(QString::fromStdString(filter->operand));
        parts << text;
    }
    if (const std::optional<SortKey> &sort = m_shown.sort)
        parts << (sort->direction == SortDirection::Ascending ? tr("sorted by %1, ascending")
                                                              : tr("sorted by %1, descending"))
                     .arg(columnName(*table, sort->column));
    return parts.join(QStringLiteral(" · "));
}

// Short, for the narrow end of the bar: "1,234 of 1,000,000 rows · amount ↓"; the whole query in the tooltip.
void TableQueryBar::updateStatus()
{
    const std::shared_ptr<const Table> &table = m_model->table();
    if (!m_filterError.isEmpty()) {
        m_status->setText(m_filterError);
        m_status->setStyleSheet(QStringLiteral("color: %1;").arg(MessageBanner::textColor(MessageBanner::Kind::Error).name()));
        m_status->setToolTip(m_filterError);
        return;
    }
    m_status->setStyleSheet(QString());
    if (!table) {
        m_status->clear();
        m_status->setToolTip(QString());
        return;
    }
    QStringList parts;
    if (m_shown.filter)
        parts << tr("%1 of %2 rows").arg(formatCount(quint64(m_model->rowCount())), formatCount(table->rowCount()));
    if (const std::optional<SortKey> &sort = m_shown.sort)
        parts << QStringLiteral("%1 %2").arg(columnName(*table, sort->column),
                                             sort->direction == SortDirection::Ascending ? QStringLiteral("↑")
                                                                                         : QStringLiteral("↓"));
    if (parts.isEmpty())
        parts << tr("table order, every row");
    m_status->setText(parts.join(QStringLiteral(" · ")));
    const QString query = queryText();
    m_status->setToolTip(query.isEmpty() ? m_status->text() : query);
}

QString TableQueryBar::statusText() const
{
    return m_status->text();
}

} // namespace loupe
