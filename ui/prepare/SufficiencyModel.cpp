#include "ui/prepare/SufficiencyModel.h"

#include <QColor>

#include <cmath>

namespace loupe {

SufficiencyModel::SufficiencyModel(QObject *parent) : QAbstractTableModel(parent) {}

void SufficiencyModel::setReport(const SufficiencyReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void SufficiencyModel::clear()
{
    setReport(SufficiencyReport());
}

QColor SufficiencyModel::verdictColor(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QColor(0xd4, 0xed, 0xda);
    case Verdict::Warning:
        return QColor(0xff, 0xe8, 0xb0);
    case Verdict::Insufficient:
        return QColor(0xf8, 0xc9, 0xc4);
    }
    return {};
}

int SufficiencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.checks.size());
}

int SufficiencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SufficiencyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const SufficiencyCheck &check = m_report.checks[std::size_t(index.row())];
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(check.reason);
    if (role == Qt::BackgroundRole && index.column() == VerdictColumn)
        return verdictColor(check.verdict);
    if (role == Qt::TextAlignmentRole && index.column() == ValueColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CheckColumn:
        return QString::fromStdString(check.title);
    case VerdictColumn:
        return QString::fromStdString(verdictName(check.verdict));
    case ValueColumn:
        return std::isfinite(check.value) ? QString::number(check.value, 'g', 4) : QStringLiteral("–");
    case ReasonColumn:
        return QString::fromStdString(check.reason);
    default:
        return {};
    }
}

QVariant SufficiencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CheckColumn:
        return tr("Check");
    case VerdictColumn:
        return tr("Verdict");
    case ValueColumn:
        return tr("Value");
    case ReasonColumn:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace loupe
