#pragma once
// A columnar table: named, typed columns of equal length.

#include "core/data/Column.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class Table {
public:
    std::size_t rowCount() const { return m_columns.empty() ? 0 : m_columns.front().size(); }
    std::size_t columnCount() const { return m_columns.size(); }

    // requires: index < columnCount()
    const Column &column(std::size_t index) const { return m_columns[index]; }
    Column &column(std::size_t index) { return m_columns[index]; }
    std::optional<std::size_t> indexOf(std::string_view name) const;
    const Column *find(std::string_view name) const;

    // requires: the column has rowCount() rows (or the table is empty) and its name is not taken.
    void addColumn(Column column);
    const std::vector<Column> &columns() const { return m_columns; }
    std::vector<Column> &columns() { return m_columns; }

private:
    std::vector<Column> m_columns;
};

} // namespace loupe
