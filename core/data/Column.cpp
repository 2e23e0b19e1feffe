#include "core/data/Column.h"

#include "core/data/DateTime.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace loupe {

Column::Column(std::string name, ColumnType type) : m_name(std::move(name)), m_type(type) {}

bool Column::isNumeric() const
{
    return m_type != ColumnType::String;
}

double Column::numericAt(std::size_t row) const
{
    if (!m_valid[row])
        return std::numeric_limits<double>::quiet_NaN();
    switch (m_type) {
    case ColumnType::Float64:
        return m_doubles[row];
    case ColumnType::String:
        return std::numeric_limits<double>::quiet_NaN();
    default:
        return static_cast<double>(m_ints[row]);
    }
}

std::string Column::displayAt(std::size_t row) const
{
    if (!m_valid[row])
        return {};
    switch (m_type) {
    case ColumnType::Int64:
        return std::to_string(m_ints[row]);
    case ColumnType::Bool:
        return m_ints[row] ? "true" : "false";
    case ColumnType::DateTime:
        return formatDateTime(m_ints[row]);
    case ColumnType::Categorical:
        return std::string(categoryAt(row));
    case ColumnType::String:
        return std::string(stringAt(row));
    case ColumnType::Float64: {
        char buf[32];
        auto [end, ec] = std::to_chars(buf, buf + sizeof buf, m_doubles[row]);
        return ec == std::errc() ? std::string(buf, end) : std::string("?");
    }
    }
    return {};
}

void Column::reserve(std::size_t rows)
{
    m_valid.reserve(rows);
    switch (m_type) {
    case ColumnType::Float64:
        m_doubles.reserve(rows);
        break;
    case ColumnType::String:
        m_offsets.reserve(rows + 1);
        break;
    default:
        m_ints.reserve(rows);
    }
}

void Column::appendMissing()
{
    m_valid.push_back(0);
    ++m_missing;
    switch (m_type) {
    case ColumnType::Float64:
        m_doubles.push_back(std::numeric_limits<double>::quiet_NaN());
        break;
    case ColumnType::String:
        m_offsets.push_back(m_chars.size());
        break;
    default:
        m_ints.push_back(0);
    }
}

void Column::appendInt(std::int64_t value)
{
    m_valid.push_back(1);
    m_ints.push_back(value);
}

void Column::appendDouble(double value)
{
    m_valid.push_back(1);
    m_doubles.push_back(value);
}

void Column::appendString(std::string_view v)
{
    m_valid.push_back(1);
    m_chars.append(v);
    m_offsets.push_back(m_chars.size());
}

void Column::appendCategoryCode(std::int32_t code)
{
    m_valid.push_back(1);
    m_ints.push_back(code);
}

std::int32_t Column::addCategory(std::string label)
{
    m_categories.push_back(std::move(label));
    return static_cast<std::int32_t>(m_categories.size() - 1);
}

void Column::recountMissing()
{
    std::size_t missing = 0;
    for (std::uint8_t v : m_valid)
        missing += v == 0;
    m_missing = missing;
}

} // namespace loupe
