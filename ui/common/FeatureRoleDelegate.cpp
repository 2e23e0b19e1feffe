#include "ui/common/FeatureRoleDelegate.h"

#include "ui/common/FeaturePlanModel.h"

#include <QComboBox>

namespace loupe {

FeatureRoleDelegate::FeatureRoleDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QWidget *FeatureRoleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("featureRoleEditor"));
    combo->addItem(FeaturePlanModel::roleText(FeatureRole::Feature), QStringLiteral("feature"));
    combo->addItem(FeaturePlanModel::roleText(FeatureRole::Ignored), QStringLiteral("ignored"));
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<FeatureRoleDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void FeatureRoleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(found >= 0 ? found : 0);
}

void FeatureRoleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

} // namespace loupe
