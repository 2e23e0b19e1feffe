#pragma once
// The privacy scan per column, with what the user chose to do with each column before saving a cleaned CSV.
//   columns: Column, Personal data ("ssn 512, credit_card 488"), Cells, Identifier, Examples (masked), Action
// Rows with personal data are shown in bold; identifier columns name their reason in the tooltip.

#include "core/privacy/PiiScanReport.h"
#include "core/privacy/TableMasking.h"

#include <QAbstractTableModel>

#include <vector>

namespace loupe {

class PiiColumnModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, KindsColumn, CellsColumn, IdentifierColumn, ExamplesColumn, ActionColumn, ColumnCount };

    explicit PiiColumnModel(QObject *parent = nullptr);

    // Replaces the rows; every action goes back to Keep.
    void setReport(const PiiScanReport &report);
    void clear();

    // requires: 0 <= row < rowCount().
    const PiiColumnReport &columnAt(int row) const { return m_columns[std::size_t(row)]; }
    ColumnTreatment treatmentAt(int row) const { return m_treatments[std::size_t(row)]; }
    void setTreatment(int row, ColumnTreatment treatment);
    // The non-Keep actions, in table order.
    std::vector<ColumnAction> actions() const;

    static QString treatmentName(ColumnTreatment treatment);
    static QString kindsText(const PiiColumnReport &column);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PiiColumnReport> m_columns;
    std::vector<ColumnTreatment> m_treatments;
};

} // namespace loupe
