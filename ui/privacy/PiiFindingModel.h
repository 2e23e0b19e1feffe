#pragma once
// The listed findings of a privacy scan (masked), optionally only those of one column.
//   columns: Row (0-based data row, as on the Data page), Column, Kind, Value (masked)

#include "core/privacy/PiiScanReport.h"

#include <QAbstractTableModel>

#include <vector>

namespace loupe {

class PiiFindingModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { RowColumn, NameColumn, KindColumn, MaskedColumn, ColumnCount };

    explicit PiiFindingModel(QObject *parent = nullptr);

    void setReport(const PiiScanReport &report);
    void clear();
    // Shows only the findings of the table column `column`; -1 shows all.
    void setColumnFilter(int column);
    int columnFilter() const { return m_filter; }

    // requires: 0 <= row < rowCount().
    const PiiFinding &findingAt(int row) const { return m_all[m_shown[std::size_t(row)]]; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();

    std::vector<PiiFinding> m_all;
    std::vector<std::string> m_names;
    std::vector<std::size_t> m_shown;
    int m_filter = -1;
};

} // namespace loupe
