#include "ui/search/TrialFilterProxy.h"

#include "ui/search/TrialTableModel.h"

namespace loupe {

TrialFilterProxy::TrialFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(TrialTableModel::SortRole);
    setDynamicSortFilter(true);
}

void TrialFilterProxy::setStateFilter(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateRowsFilter();
}

void TrialFilterProxy::setTextFilter(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

void TrialFilterProxy::setBrush(int column, double low, double high)
{
    m_brushes[column] = {low, high};
    invalidateRowsFilter();
}

void TrialFilterProxy::clearBrush(int column)
{
    if (m_brushes.remove(column) > 0)
        invalidateRowsFilter();
}

void TrialFilterProxy::clearBrushes()
{
    if (m_brushes.isEmpty())
        return;
    m_brushes.clear();
    invalidateRowsFilter();
}

bool TrialFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (m_state >= 0 && model->index(sourceRow, 1, sourceParent).data(TrialTableModel::SortRole).toInt() != m_state)
        return false;
    for (auto it = m_brushes.cbegin(); it != m_brushes.cend(); ++it) {
        const QVariant value = model->index(sourceRow, it.key(), sourceParent).data(TrialTableModel::SortRole);
        if (!value.isValid())
            return false;
        const double number = value.toDouble();
        if (number < it.value().first || number > it.value().second)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column)
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    return false;
}

bool TrialFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(TrialTableModel::SortRole);
    const QVariant b = right.data(TrialTableModel::SortRole);
    if (!a.isValid() || !b.isValid())
        return a.isValid() && !b.isValid(); // rows without a value sort last
    return a.toDouble() < b.toDouble();
}

} // namespace loupe
