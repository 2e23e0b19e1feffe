#include "ui/common/FeaturePlanModel.h"

#include "ui/common/DisplayFormat.h"

#include <QBrush>
#include <QFont>
#include <QPalette>

#include <algorithm>

namespace loupe {

namespace {

QString encodingText(const FeatureColumn &column)
{
    switch (column.encoding) {
    case FeatureKind::OneHot:
        return FeaturePlanModel::tr("one-hot (%1)").arg(column.levels);
    case FeatureKind::Flag:
        return FeaturePlanModel::tr("0 / 1");
    case FeatureKind::Seconds:
        return FeaturePlanModel::tr("seconds");
    case FeatureKind::Number:
        break;
    }
    return FeaturePlanModel::tr("number");
}

} // namespace

FeaturePlanModel::FeaturePlanModel(QObject *parent) : QAbstractTableModel(parent) {}

QString FeaturePlanModel::whyText(const FeatureColumn &column)
{
    if (column.role == FeatureRole::Target) {
        const QString detail = QString::fromStdString(column.detail);
        return detail.startsWith(QLatin1String("classification, ")) ? detail.mid(16) : detail;
    }
    if (column.role == FeatureRole::Feature)
        return column.chosen ? tr("kept by you: %1").arg(encodingText(column)) : encodingText(column);
    switch (column.reason) {
    case IgnoreReason::Chosen:
        return tr("your choice");
    case IgnoreReason::Identifier:
        return tr("identifier");
    case IgnoreReason::PersonalData:
        return tr("personal data");
    case IgnoreReason::HighCardinality:
        return tr("free text");
    case IgnoreReason::Constant:
        return tr("constant");
    case IgnoreReason::Missing:
        return tr("mostly missing");
    case IgnoreReason::None:
        break;
    }
    return QString::fromStdString(column.detail);
}

QString FeaturePlanModel::detailText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const FeatureColumn &column = m_plan.columns[std::size_t(row)];
    const QString missing = column.missing == 0 ? tr("none missing") : tr("%1 missing").arg(formatCount(column.missing));
    return tr("%1 (%2, %3 distinct, %4): %5")
        .arg(QString::fromStdString(column.name), QString::fromUtf8(columnTypeName(column.type).data()),
             formatCount(column.distinct), missing, QString::fromStdString(column.detail));
}

QString FeaturePlanModel::roleText(FeatureRole role)
{
    switch (role) {
    case FeatureRole::Feature:
        return tr("feature");
    case FeatureRole::Target:
        return tr("target");
    case FeatureRole::Ignored:
        return tr("ignored");
    }
    return tr("feature");
}

void FeaturePlanModel::setPlan(const FeaturePlan &plan)
{
    beginResetModel();
    m_plan = plan;
    for (FeatureColumn &column : m_plan.columns) {
        const QString name = QString::fromStdString(column.name);
        if (!column.chosen)
            m_proposals.insert(name, column);
        if (m_choices.contains(name) && column.role != FeatureRole::Target)
            showChoice(column);
    }
    endResetModel();
}

void FeaturePlanModel::clear()
{
    beginResetModel();
    m_plan = FeaturePlan();
    m_choices.clear();
    m_proposals.clear();
    endResetModel();
}

void FeaturePlanModel::showChoice(FeatureColumn &column) const
{
    const QString name = QString::fromStdString(column.name);
    const FeatureRole role = m_choices.value(name);
    const FeatureColumn proposal = m_proposals.value(name, column);
    column.role = role;
    column.chosen = true;
    if (role == FeatureRole::Ignored) {
        column.reason = IgnoreReason::Chosen;
        column.detail = tr("left out by you").toStdString();
    } else {
        column.reason = IgnoreReason::None;
        column.detail = tr("kept by you (proposed: ignored, %1)").arg(QString::fromStdString(proposal.detail)).toStdString();
    }
}

bool FeaturePlanModel::setChoice(const QString &name, FeatureRole role)
{
    if (role == FeatureRole::Target)
        return false;
    for (std::size_t row = 0; row < m_plan.columns.size(); ++row) {
        FeatureColumn &column = m_plan.columns[row];
        if (QString::fromStdString(column.name) != name)
            continue;
        if (column.role == FeatureRole::Target)
            return false;
        const auto proposal = m_proposals.constFind(name);
        if (proposal != m_proposals.constEnd() && proposal->role == role) {
            m_choices.remove(name);
            column = *proposal; // back to what the planner said
        } else {
            m_choices.insert(name, role);
            showChoice(column);
        }
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
        Q_EMIT choicesChanged();
        return true;
    }
    return false;
}

void FeaturePlanModel::clearChoices()
{
    if (m_choices.isEmpty())
        return;
    beginResetModel();
    for (FeatureColumn &column : m_plan.columns) {
        const QString name = QString::fromStdString(column.name);
        if (m_choices.contains(name) && m_proposals.contains(name))
            column = m_proposals.value(name);
    }
    m_choices.clear();
    endResetModel();
    Q_EMIT choicesChanged();
}

void FeaturePlanModel::dropChoice(const QString &column)
{
    if (m_choices.remove(column) > 0)
        Q_EMIT choicesChanged();
}

std::vector<std::string> FeaturePlanModel::choicesOf(FeatureRole role) const
{
    std::vector<std::string> names;
    for (auto choice = m_choices.constBegin(); choice != m_choices.constEnd(); ++choice) {
        if (choice.value() == role)
            names.push_back(choice.key().toStdString());
    }
    std::sort(names.begin(), names.end(), [this](const std::string &a, const std::string &b) {
        const FeatureColumn *first = m_plan.find(a);
        const FeatureColumn *second = m_plan.find(b);
        const auto position = [this](const FeatureColumn *column) {
            return column ? std::size_t(column - m_plan.columns.data()) : m_plan.columns.size();
        };
        return position(first) != position(second) ? position(first) < position(second) : a < b;
    });
    return names;
}

std::vector<std::string> FeaturePlanModel::ignoredChoices() const
{
    return choicesOf(FeatureRole::Ignored);
}

std::vector<std::string> FeaturePlanModel::keptChoices() const
{
    return choicesOf(FeatureRole::Feature);
}

int FeaturePlanModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_plan.columns.size());
}

int FeaturePlanModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FeaturePlanModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const FeatureColumn &column = m_plan.columns[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NameColumn:
            return QString::fromStdString(column.name);
        case RoleColumn:
            return roleText(column.role);
        case WhyColumn:
            return whyText(column);
        case TypeColumn:
            return QString::fromUtf8(columnTypeName(column.type).data());
        case DistinctColumn:
            return formatCount(column.distinct);
        case MissingColumn:
            return formatCount(column.missing);
        default:
            return {};
        }
    }
    if (role == Qt::EditRole && index.column() == RoleColumn)
        return QString::fromUtf8(featureRoleName(column.role).data());
    if (role == Qt::ToolTipRole) {
        if (index.column() == RoleColumn && column.role != FeatureRole::Target)
            return tr("Double-click to choose feature or ignored; your choice beats the proposal");
        return detailText(index.row());
    }
    if (role == Qt::TextAlignmentRole && (index.column() == DistinctColumn || index.column() == MissingColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && column.role == FeatureRole::Ignored)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    if (role == Qt::FontRole && (column.chosen || column.role == FeatureRole::Target)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    return {};
}

QVariant FeaturePlanModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Column");
    case RoleColumn:
        return tr("Role");
    case WhyColumn:
        return tr("Why");
    case TypeColumn:
        return tr("Type");
    case DistinctColumn:
        return tr("Distinct");
    case MissingColumn:
        return tr("Missing");
    default:
        return {};
    }
}

Qt::ItemFlags FeaturePlanModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == RoleColumn && index.row() < rowCount()
        && m_plan.columns[std::size_t(index.row())].role != FeatureRole::Target)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool FeaturePlanModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || index.column() != RoleColumn || index.row() >= rowCount())
        return false;
    const QString text = value.toString();
    const FeatureRole chosen = text == QLatin1String("ignored") ? FeatureRole::Ignored : FeatureRole::Feature;
    if (text != QLatin1String("ignored") && text != QLatin1String("feature"))
        return false;
    return setChoice(QString::fromStdString(m_plan.columns[std::size_t(index.row())].name), chosen);
}

} // namespace loupe
