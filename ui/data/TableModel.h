#pragma once
// Read-only item model over a Table's columns (columns = table columns; rows = table rows, or the rows of a
// row order: a sorted and/or filtered list of table rows computed by RowOrderJob, so view row i shows table
// row order[i]). Virtualized: nothing is copied or formatted up front; data() formats the one cell asked
// for, so a view over millions of rows only pays for what is on screen.
// Row numbers in this API are view rows unless named tableRow; highlights are kept in table rows, so they
// stay on the same data when the order changes.
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
// Vertical header: the 0-based table row each view row shows (as reports number rows).

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

    // Replaces the whole table (a model reset), in table order. nullptr empties the model.
    void setTable(std::shared_ptr<const Table> table);
    const std::shared_ptr<const Table> &table() const { return m_table; }

    // Shows the table rows of `order`, in that order (a model reset); nullptr shows every row in table order.
    // requires: every entry < table()->rowCount().
    void setRowOrder(std::shared_ptr<const std::vector<std::size_t>> order);
    bool hasRowOrder() const { return m_order != nullptr; }
    // The table row that view row `row` shows. requires: 0 <= row < rowCount().
    std::size_t tableRow(int row) const { return m_order ? (*m_order)[std::size_t(row)] : std::size_t(row); }
    // The view row that shows table row `tableRow`, or -1 when the order leaves it out (or it is out of range).
    int viewRow(std::size_t tableRow) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The text of one cell as the view shows it. requires: valid row and column.
    QString cellText(int row, int column) const;
    static QString missingText();

    // Highlights the cells of table rows `rows` in `columns` (column indices; empty: every column of those
    // rows), replacing any earlier highlight. Rows out of range are ignored. Cleared by setTable().
    void highlightCells(const std::vector<int> &columns, std::vector<quint64> rows);
    void clearHighlights();
    // Whether the cell at view row `row` is highlighted.
    bool isHighlighted(int row, int column) const;
    // Table rows, sorted.
    const std::vector<quint64> &highlightedRows() const { return m_highlightRows; }
    // The view rows that show highlighted rows, in view order, at most `max` of them; `shown` and `hidden`
    // (when given) receive how many highlighted rows the view shows and how many the order leaves out.
    std::vector<int> highlightedViewRows(std::size_t max, std::size_t *shown = nullptr,
                                         std::size_t *hidden = nullptr) const;

private:
    QVariant typedValue(int row, int column) const;
    QVariant alignment(const Column &column) const;

    void emitHighlightChanged();

    std::shared_ptr<const Table> m_table;
    std::shared_ptr<const std::vector<std::size_t>> m_order; // view row -> table row; null: identity
    mutable std::vector<int> m_viewOfTableRow;                 // table row -> view row (-1: left out); built lazily
    std::vector<QStringList> m_categoryLabels; // per column; filled for Categorical columns only
    std::vector<quint64> m_highlightRows;      // sorted, unique
    std::vector<int> m_highlightColumns;       // empty: whole rows
};

} // namespace loupe
