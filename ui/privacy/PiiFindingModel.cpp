#include "ui/privacy/PiiFindingModel.h"

namespace loupe {

PiiFindingModel::PiiFindingModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void PiiFindingModel::setReport(const PiiScanReport &report)
{
    beginResetModel();
    m_all = report.findings;
    m_names.clear();
    for (const PiiColumnReport &column : report.columns)
        m_names.push_back(column.name);
    m_filter = -1;
    rebuild();
    endResetModel();
}

void PiiFindingModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_names.clear();
    m_shown.clear();
    m_filter = -1;
    endResetModel();
}

void PiiFindingModel::setColumnFilter(int column)
{
    beginResetModel();
    m_filter = column;
    rebuild();
    endResetModel();
}

void PiiFindingModel::rebuild()
{
    m_shown.clear();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (m_filter < 0 || m_all[i].column == std::size_t(m_filter))
            m_shown.push_back(i);
}

int PiiFindingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int PiiFindingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PiiFindingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PiiFinding &finding = findingAt(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == RowColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case RowColumn:
        return qulonglong(finding.row);
    case NameColumn:
        return finding.column < m_names.size() ? QString::fromStdString(m_names[finding.column]) : QString();
    case KindColumn:
        return QString::fromLatin1(piiKindName(finding.kind).data());
    case MaskedColumn:
        return QString::fromStdString(finding.masked);
    }
    return {};
}

QVariant PiiFindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RowColumn:
        return tr("Row");
    case NameColumn:
        return tr("Column");
    case KindColumn:
        return tr("Kind");
    case MaskedColumn:
        return tr("Value (masked)");
    }
    return {};
}

} // namespace loupe
