#include "core/data/Table.h"

#include <cassert>

namespace loupe {

std::optional<std::size_t> Table::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].name() == name)
            return i;
    return std::nullopt;
}

const Column *Table::find(std::string_view name) const
{
    const auto index = indexOf(name);
    return index ? &m_columns[*index] : nullptr;
}

void Table::addColumn(Column column)
{
    assert(m_columns.empty() || column.size() == rowCount());
    assert(!indexOf(column.name()));
    m_columns.push_back(std::move(column));
}

} // namespace loupe
