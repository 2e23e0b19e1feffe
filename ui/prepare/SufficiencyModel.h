#pragma once
// The sufficiency report as a table: Check | Verdict | Value | Why, one row per check; the verdict
// cell is coloured (green ok, amber warning, red insufficient) and the reason is the row's tooltip.

#include "core/train/SufficiencyReport.h"

#include <QAbstractTableModel>

namespace loupe {

class SufficiencyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CheckColumn, VerdictColumn, ValueColumn, ReasonColumn, ColumnCount };

    explicit SufficiencyModel(QObject *parent = nullptr);

    void setReport(const SufficiencyReport &report);
    void clear();
    const SufficiencyReport &report() const { return m_report; }

    static QColor verdictColor(Verdict verdict);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SufficiencyReport m_report;
};

} // namespace loupe
