#include "ui/data/TableModel.h"

#include "core/data/DateTime.h"

#include <QColor>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <charconv>
#include <climits>

namespace loupe {

namespace {

constexpr qsizetype kLongTextTooltip = 60;

QString doubleText(double value)
{
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? QString::fromLatin1(buffer, end - buffer) : QStringLiteral("?");
}

} // namespace

TableModel::TableModel(QObject *parent) : QAbstractTableModel(parent) {}

void TableModel::setTable(std::shared_ptr<const Table> table)
{
    beginResetModel();
    m_table = std::move(table);
    m_order.reset();
    m_viewOfTableRow.clear();
    m_categoryLabels.clear();
    m_highlightRows.clear();
    m_highlightColumns.clear();
    if (m_table) {
        m_categoryLabels.resize(m_table->columnCount());
        for (std::size_t c = 0; c < m_table->columnCount(); ++c) {
            const Column &column = m_table->column(c);
            if (column.type() != ColumnType::Categorical)
                continue;
            QStringList &labels = m_categoryLabels[c];
            labels.reserve(qsizetype(column.categories().size()));
            for (const std::string &label : column.categories())
                labels.append(QString::fromStdString(label));
        }
    }
    endResetModel();
}

int TableModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return int(std::min<std::size_t>(m_order ? m_order->size() : m_table->rowCount(), INT_MAX));
}

void TableModel::setRowOrder(std::shared_ptr<const std::vector<std::size_t>> order)
{
    beginResetModel();
    m_order = std::move(order);
    m_viewOfTableRow.clear();
    endResetModel();
}

int TableModel::viewRow(std::size_t tableRow) const
{
    if (!m_table || tableRow >= m_table->rowCount())
        return -1;
    if (!m_order)
        return tableRow < std::size_t(INT_MAX) ? int(tableRow) : -1;
    if (m_viewOfTableRow.empty()) {
        m_viewOfTableRow.assign(m_table->rowCount(), -1);
        const std::size_t shown = std::min<std::size_t>(m_order->size(), INT_MAX);
        for (std::size_t view = 0; view < shown; ++view)
            m_viewOfTableRow[(*m_order)[view]] = int(view);
    }
    return m_viewOfTableRow[tableRow];
}

int TableModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_table)
        return 0;
    return int(m_table->columnCount());
}

Qt::ItemFlags TableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString TableModel::missingText()
{
    return QStringLiteral("—");
}

QString TableModel::cellText(int row, int column) const
{
    const Column &col = m_table->column(std::size_t(column));
    const std::size_t r = tableRow(row);
    if (!col.isValid(r))
        return missingText();
    switch (col.type()) {
    case ColumnType::Int64:
        return QString::number(col.intAt(r));
    case ColumnType::Float64:
        return doubleText(col.doubleAt(r));
    case ColumnType::Bool:
        return col.intAt(r) ? QStringLiteral("true") : QStringLiteral("false");
    case ColumnType::Categorical:
        return m_categoryLabels[std::size_t(column)].at(qsizetype(col.intAt(r)));
    case ColumnType::String: {
        const std::string_view text = col.stringAt(r);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    case ColumnType::DateTime:
        return QString::fromStdString(formatDateTime(col.intAt(r)));
    }
    return QString();
}

QVariant TableModel::typedValue(int rowIndex, int columnIndex) const
{
    const Column &column = m_table->column(std::size_t(columnIndex));
    const std::size_t row = tableRow(rowIndex);
    if (!column.isValid(row))
        return QVariant();
    switch (column.type()) {
    case ColumnType::Int64:
        return QVariant::fromValue<qlonglong>(column.intAt(row));
    case ColumnType::Float64:
        return column.doubleAt(row);
    case ColumnType::Bool:
        return column.intAt(row) != 0;
    case ColumnType::DateTime: {
        const std::int64_t nanos = column.intAt(row);
        const qint64 millis = nanos / 1'000'000 - ((nanos % 1'000'000) < 0 ? 1 : 0);
        return QDateTime::fromMSecsSinceEpoch(millis, QTimeZone::utc());
    }
    case ColumnType::Categorical:
    case ColumnType::String:
        return cellText(rowIndex, columnIndex);
    }
    return QVariant();
}

QVariant TableModel::alignment(const Column &column) const
{
    switch (column.type()) {
    case ColumnType::Int64:
    case ColumnType::Float64:
    case ColumnType::DateTime:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case ColumnType::Bool:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    default:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    }
}

QVariant TableModel::data(const QModelIndex &index, int role) const
{
    if (!m_table || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Column &column = m_table->column(std::size_t(index.column()));
    const std::size_t row = tableRow(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::EditRole:
        return typedValue(index.row(), index.column());
    case Qt::TextAlignmentRole:
        return alignment(column);
    case Qt::ForegroundRole:
        return column.isValid(row) ? QVariant() : QVariant(QColor(Qt::gray));
    case Qt::ToolTipRole: {
        if (!column.isValid(row))
            return tr("missing value");
        if (column.type() != ColumnType::String)
            return QVariant();
        const QString text = cellText(index.row(), index.column());
        return text.size() > kLongTextTooltip ? QVariant(text) : QVariant();
    }
    case MissingRole:
        return !column.isValid(row);
    case HighlightRole:
        return isHighlighted(index.row(), index.column());
    case Qt::BackgroundRole:
        return isHighlighted(index.row(), index.column()) ? QVariant(QColor(255, 205, 200)) : QVariant();
    default:
        return QVariant();
    }
}

QVariant TableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_table)
        return QVariant();
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= rowCount())
            return QVariant();
        // 0-based data rows: the numbers check, PII and scaling reports (and loupe-cli) give rows. Sorted or
        // filtered, each row keeps its number.
        const auto dataRow = qulonglong(tableRow(section));
        if (role == Qt::DisplayRole)
            return QString::number(dataRow);
        if (role == Qt::ToolTipRole)
            return tr("Data row %1 (0-based, as reports number rows; the header line is not a row)").arg(dataRow);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return QVariant();
    }
    if (section < 0 || section >= columnCount())
        return QVariant();
    const Column &column = m_table->column(std::size_t(section));
    const QString name = QString::fromStdString(column.name());
    const QString type = QString::fromLatin1(columnTypeName(column.type()));
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1\n%2").arg(name, type);
    case Qt::ToolTipRole:
        return tr("%1 (%2): %3 missing of %4 rows")
            .arg(name, type, QString::number(column.missingCount()), QString::number(column.size()));
    case ColumnTypeRole:
        return type;
    default:
        return QVariant();
    }
}

void TableModel::highlightCells(const std::vector<int> &columns, std::vector<quint64> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    clearHighlights();
    m_highlightRows = std::move(rows);
    m_highlightColumns = columns;
    std::sort(m_highlightColumns.begin(), m_highlightColumns.end());
    if (!m_highlightRows.empty())
        emitHighlightChanged();
}

void TableModel::clearHighlights()
{
    if (m_highlightRows.empty())
        return;
    m_highlightRows.clear();
    m_highlightColumns.clear();
    emitHighlightChanged();
}

// Sorted rows can sit anywhere in the view: every row may change (the view repaints only what it shows).
void TableModel::emitHighlightChanged()
{
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::BackgroundRole, HighlightRole});
}

std::vector<int> TableModel::highlightedViewRows(std::size_t max, std::size_t *shown, std::size_t *hidden) const
{
    std::vector<int> rows;
    std::size_t leftOut = 0;
    for (quint64 tableRow : m_highlightRows) {
        if (!m_table || tableRow >= m_table->rowCount())
            break;
        const int view = viewRow(std::size_t(tableRow));
        if (view < 0)
            ++leftOut;
        else
            rows.push_back(view);
    }
    if (shown)
        *shown = rows.size();
    if (hidden)
        *hidden = leftOut;
    const std::size_t kept = std::min(max, rows.size());
    std::partial_sort(rows.begin(), rows.begin() + std::ptrdiff_t(kept), rows.end());
    rows.resize(kept);
    return rows;
}

bool TableModel::isHighlighted(int row, int column) const
{
    if (m_highlightRows.empty()
        || !std::binary_search(m_highlightRows.begin(), m_highlightRows.end(), quint64(tableRow(row))))
        return false;
    return m_highlightColumns.empty()
        || std::binary_search(m_highlightColumns.begin(), m_highlightColumns.end(), column);
}

} // namespace loupe
