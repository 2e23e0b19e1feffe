#pragma once
// Read-only item model over a Table's columns (rows = table rows, columns = table columns).
// Virtualized: nothing is copied or formatted up front; data() formats the one cell asked for,
// so a view over millions of rows only pays for what is on screen.
//
// Roles:
//   Qt::DisplayRole        the cell as text; missing cells show missingText() ("—")
//   Qt::EditRole           the typed value (qlonglong, double, bool, QDateTime UTC, QString); invalid when missing
//   Qt::ToolTipRole        "missing value" for missing cells, the full text of long strings
//   Qt::TextAlignmentRole  numbers and dates right-aligned, bools centred, text left-aligned
//   Qt::ForegroundRole     grey for missing cells
//   MissingRole            bool: the cell is missing
//   HighlightRole          bool: the cell is highlighted (failing cells of a data test); BackgroundRole tints it
// Horizontal header: "name\ntype" (DisplayRole), a summary as tooltip, ColumnTypeRole = type name.
// Vertical header: 1-based row numbers.

#include "core/data/Table.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>
#include <vector>

namespace loupe {

class TableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        MissingRole = Qt::UserRole + 1,
        ColumnTypeRole,
        HighlightRole,
    };

    explicit TableModel(QObject *parent = nullptr);

    // Replaces the whole table (a model reset). nullptr empties the model.
    void setTable(std::shared_ptr<const Table> table);
    const std::shared_ptr<const Table> &table() const { return m_table; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The text of one cell as the view shows it. requires: valid row and column.
    QString cellText(int row, int column) const;
    static QString missingText();

    // Highlights the cells of `rows` in `columns` (column indices; empty: every column of those rows),
    // replacing any earlier highlight. Rows out of range are ignored. Cleared by setTable().
    void highlightCells(const std::vector<int> &columns, std::vector<quint64> rows);
    void clearHighlights();
    bool isHighlighted(int row, int column) const;
    const std::vector<quint64> &highlightedRows() const { return m_highlightRows; }

private:
    QVariant typedValue(int row, int column) const;
    QVariant alignment(const Column &column) const;

    std::shared_ptr<const Table> m_table;
    std::vector<QStringList> m_categoryLabels; // per column; filled for Categorical columns only
    std::vector<quint64> m_highlightRows;      // sorted, unique
    std::vector<int> m_highlightColumns;       // empty: whole rows
};

} // namespace loupe
