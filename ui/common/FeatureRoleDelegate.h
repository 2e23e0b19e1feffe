#pragma once
// Edits the Role column of the feature table with a combo box (feature / ignored), committing the
// choice as soon as it is picked. Other columns are painted as usual.

#include <QStyledItemDelegate>

namespace loupe {

class FeatureRoleDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit FeatureRoleDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
};

} // namespace loupe
