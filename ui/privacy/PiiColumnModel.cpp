#include "ui/privacy/PiiColumnModel.h"

#include <QFont>
#include <QStringList>

namespace loupe {

PiiColumnModel::PiiColumnModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void PiiColumnModel::setReport(const PiiScanReport &report)
{
    beginResetModel();
    m_columns = report.columns;
    m_treatments.assign(m_columns.size(), ColumnTreatment::Keep);
    endResetModel();
}

void PiiColumnModel::clear()
{
    beginResetModel();
    m_columns.clear();
    m_treatments.clear();
    endResetModel();
}

void PiiColumnModel::setTreatment(int row, ColumnTreatment treatment)
{
    if (row < 0 || row >= rowCount())
        return;
    m_treatments[std::size_t(row)] = treatment;
    const QModelIndex changed = index(row, ActionColumn);
    Q_EMIT dataChanged(changed, changed);
}

std::vector<ColumnAction> PiiColumnModel::actions() const
{
    std::vector<ColumnAction> result;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_treatments[i] != ColumnTreatment::Keep)
            result.push_back(ColumnAction{m_columns[i].name, m_treatments[i]});
    return result;
}

QString PiiColumnModel::treatmentName(ColumnTreatment treatment)
{
    switch (treatment) {
    case ColumnTreatment::Keep:
        return tr("keep");
    case ColumnTreatment::Drop:
        return tr("drop");
    case ColumnTreatment::MaskFindings:
        return tr("mask findings");
    case ColumnTreatment::MaskAll:
        return tr("mask every cell");
    }
    return {};
}

QString PiiColumnModel::kindsText(const PiiColumnReport &column)
{
    QStringList parts;
    for (PiiKind kind : allPiiKinds())
        if (const std::size_t count = column.counts[static_cast<std::size_t>(kind)])
            parts << QStringLiteral("%1 %2").arg(QString::fromLatin1(piiKindName(kind).data())).arg(count);
    if (parts.isEmpty())
        return column.scanned ? QStringLiteral("—") : tr("not scanned");
    return parts.join(QStringLiteral(", "));
}

int PiiColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

int PiiColumnModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PiiColumnModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PiiColumnReport &column = m_columns[std::size_t(index.row())];
    if (role == Qt::FontRole && column.total() > 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == IdentifierColumn && column.identifier)
        return QString::fromStdString(column.identifierReason);
    if (role == Qt::ToolTipRole && index.column() == KindsColumn && !column.personNameReason.empty())
        return tr("person_name: %1").arg(QString::fromStdString(column.personNameReason));
    if (role == Qt::TextAlignmentRole && index.column() == CellsColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return QString::fromStdString(column.name);
    case KindsColumn:
        return kindsText(column);
    case CellsColumn:
        return column.scanned ? QVariant(qulonglong(column.cellsWithPii)) : QVariant();
    case IdentifierColumn:
        return column.identifier ? tr("yes") : QString();
    case ExamplesColumn: {
        QStringList examples;
        for (const std::string &example : column.examples)
            examples << QString::fromStdString(example);
        return examples.join(QStringLiteral("   "));
    }
    case ActionColumn:
        return treatmentName(m_treatments[std::size_t(index.row())]);
    }
    return {};
}

QVariant PiiColumnModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Column");
    case KindsColumn:
        return tr("Personal data");
    case CellsColumn:
        return tr("Cells");
    case IdentifierColumn:
        return tr("Identifier");
    case ExamplesColumn:
        return tr("Examples (masked)");
    case ActionColumn:
        return tr("Action");
    }
    return {};
}

} // namespace loupe
