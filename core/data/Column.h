#pragma once
// One typed column of a Table, stored contiguously with a validity byte per row.
//   Int64, DateTime (ns since epoch, UTC), Bool (0/1) and Categorical (code into categories()) live in ints();
//   Float64 lives in doubles(); String lives in one character buffer with n+1 offsets.
// A missing value has valid(i) == false; its slot holds 0 / NaN / "" and must not be interpreted.

#include "core/data/ColumnType.h"

#include <limits>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

// The value a missing cell of a float64 column holds.
inline constexpr double kMissingDouble = std::numeric_limits<double>::quiet_NaN();

class Column {
public:
    Column() = default;
    Column(std::string name, ColumnType type);

    const std::string &name() const { return m_name; }
    void setName(std::string name) { m_name = std::move(name); }
    ColumnType type() const { return m_type; }
    std::size_t size() const { return m_valid.size(); }
    std::size_t missingCount() const { return m_missing; }
    bool isValid(std::size_t row) const { return m_valid[row] != 0; }

    // Typed access. requires: the column has the matching storage and row < size().
    std::int64_t intAt(std::size_t row) const { return m_ints[row]; }
    double doubleAt(std::size_t row) const { return m_doubles[row]; }
    std::string_view stringAt(std::size_t row) const
    {
        return std::string_view(m_chars.data() + m_offsets[row], m_offsets[row + 1] - m_offsets[row]);
    }
    // Categorical: the label of the row's code.
    std::string_view categoryAt(std::size_t row) const { return m_categories[static_cast<std::size_t>(m_ints[row])]; }

    // Numeric view used by statistics and models: Int64/Bool/DateTime/Float64 as double, NaN when missing.
    // Categorical gives its code. String gives NaN.
    double numericAt(std::size_t row) const;
    bool isNumeric() const;

    // Human text of a cell, as the Data page shows it ("" for missing).
    std::string displayAt(std::size_t row) const;

    // Appending (used by readers and builders).
    void reserve(std::size_t rows);
    void appendMissing();
    void appendInt(std::int64_t value);     // Int64, DateTime, Bool
    void appendDouble(double value);        // Float64
    void appendString(std::string_view v);  // String
    void appendCategoryCode(std::int32_t code); // Categorical; requires: code < categories().size()
    std::int32_t addCategory(std::string label); // returns the new code

    // Bulk storage, for fast readers and kernels.
    std::vector<std::int64_t> &ints() { return m_ints; }
    const std::vector<std::int64_t> &ints() const { return m_ints; }
    std::vector<double> &doubles() { return m_doubles; }
    const std::vector<double> &doubles() const { return m_doubles; }
    std::vector<std::uint8_t> &validity() { return m_valid; }
    const std::vector<std::uint8_t> &validity() const { return m_valid; }
    std::string &chars() { return m_chars; }
    const std::string &chars() const { return m_chars; }
    std::vector<std::uint64_t> &offsets() { return m_offsets; }
    const std::vector<std::uint64_t> &offsets() const { return m_offsets; }
    std::vector<std::string> &categories() { return m_categories; }
    const std::vector<std::string> &categories() const { return m_categories; }
    // Recomputes missingCount() after bulk writes to validity().
    void recountMissing();

private:
    std::string m_name;
    ColumnType m_type = ColumnType::String;
    std::vector<std::uint8_t> m_valid;
    std::size_t m_missing = 0;
    std::vector<std::int64_t> m_ints;
    std::vector<double> m_doubles;
    std::string m_chars;
    std::vector<std::uint64_t> m_offsets{0};
    std::vector<std::string> m_categories;
};

} // namespace loupe
