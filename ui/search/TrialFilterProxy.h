#pragma once
// Sorting and filtering for the trials table: by state, by text (any column contains it) and by
// brushed ranges (a column's SortRole value must lie in [low, high]; rows without a value in a
// brushed column are hidden). Brushes come from the parallel-coordinates plot.
#include <QMap>
#include <QSortFilterProxyModel>

#include <optional>
#include <utility>

namespace loupe {

class TrialFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TrialFilterProxy(QObject *parent = nullptr);

    // -1: every state; otherwise an int(TrialState).
    void setStateFilter(int state);
    void setTextFilter(const QString &text);
    // requires: low <= high.
    void setBrush(int column, double low, double high);
    void clearBrush(int column);
    void clearBrushes();
    const QMap<int, std::pair<double, double>> &brushes() const { return m_brushes; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_state = -1;
    QString m_text;
    QMap<int, std::pair<double, double>> m_brushes;
};

} // namespace loupe
