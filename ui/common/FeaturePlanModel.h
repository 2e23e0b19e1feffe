#pragma once
// The feature table's model: one row per table column of a FeaturePlan (what FeaturePlanner proposed
// with the user's choices applied), and the user's choices themselves.
//
// Columns: Column (name), Role (editable: feature / ignored; the target is not), Why (in short: the
// reason a column is left out, or how a feature is encoded; the whole reason is the tooltip and
// detailText()), Type, Distinct, Missing.
// Choosing a role records a choice only where it differs from the proposal (choosing the proposed
// role again drops the choice), and the row shows it at once; the planner is asked again by the
// panel, whose next plan replaces the rows (setPlan keeps the choices and the proposals they hide).
// Roles: DisplayRole text; EditRole of the Role column: "feature" / "ignored"; ToolTipRole the full
// reason; ForegroundRole grey for ignored rows; FontRole bold for the user's choices.

#include "core/train/FeaturePlan.h"

#include <QAbstractTableModel>
#include <QHash>

#include <string>
#include <vector>

namespace loupe {

class FeaturePlanModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, RoleColumn, WhyColumn, TypeColumn, DistinctColumn, MissingColumn, ColumnCount };

    explicit FeaturePlanModel(QObject *parent = nullptr);

    // Replaces the rows (a model reset); the choices stay.
    void setPlan(const FeaturePlan &plan);
    // Drops the rows and the choices (another table).
    void clear();
    const FeaturePlan &plan() const { return m_plan; }
    bool hasPlan() const { return !m_plan.columns.empty(); }

    // Feature or Ignored for a column other than the target; false when it cannot be chosen.
    bool setChoice(const QString &column, FeatureRole role);
    void clearChoices();
    // Forgets the choice for one column (it became the target). No-op without one.
    void dropChoice(const QString &column);
    // The user's choices, in table order of the current plan (then the rest).
    std::vector<std::string> ignoredChoices() const;
    std::vector<std::string> keptChoices() const;
    bool hasChoices() const { return !m_choices.isEmpty(); }

    static QString roleText(FeatureRole role);
    // The Why column: "identifier", "personal data", "free text", "constant", "mostly missing",
    // "your choice" for a column left out; "one-hot (12)", "number", "0 / 1", "seconds" for a feature.
    static QString whyText(const FeatureColumn &column);
    // "transaction_id (int64, 100,000 distinct, none missing): identifier: unique in every row"
    QString detailText(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    void choicesChanged();

private:
    std::vector<std::string> choicesOf(FeatureRole role) const;
    void showChoice(FeatureColumn &column) const;

    FeaturePlan m_plan;
    QHash<QString, FeatureRole> m_choices;      // column -> the user's role
    QHash<QString, FeatureColumn> m_proposals;  // column -> the proposal (role, reason, detail) a choice hides
};

} // namespace loupe
