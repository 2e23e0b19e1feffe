#pragma once
// The whole-file storage of one column while CsvReader parses: chunk builders are appended to it in file
// order (right after each chunk is parsed, while its data is still in cache), and at the end its vectors
// are moved into the Table's Column without a copy.
//
// Types join as chunks arrive: Empty takes the first typed chunk's type, Int64 and Float64 give Float64
// (stored ints are converted), String and Raw stay text; any other mix, or a Dropped chunk, marks the
// column NeedsReread: CsvReader then reads the column's text again from every chunk.

#include "core/data/Column.h"
#include "core/data/ColumnBuilder.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

class ColumnAccumulator {
public:
    enum class Kind : std::uint8_t { Empty, Int64, Float64, Bool, DateTime, Text, NeedsReread };

    ColumnAccumulator() = default;
    // Starts in the kind of the chunk builders' seed state (see ColumnBuilder), so reserve() fits.
    explicit ColumnAccumulator(ColumnBuilder::State seed) : m_kind(kindOf(seed)) {}

    // Reserves room for the expected rows (address space only until written).
    void reserve(std::size_t rows, std::size_t textBytes);
    // Appends the part's rows. requires: the part is not Ignored.
    void append(const ColumnBuilder &part);

    Kind kind() const { return m_kind; }
    std::size_t rows() const { return m_rows; }
    // The type the column gets: Empty (no value at all) and NeedsReread give String.
    ColumnType columnType() const;

    // Moves the storage into a Column of columnType() (String for Text), leaving this accumulator empty.
    // requires: kind() != NeedsReread.
    Column takeColumn(const std::string &name);

private:
    static Kind kindOf(ColumnBuilder::State state);
    void becomeTyped(Kind kind);
    void convertToFloat();
    void appendValues(const ColumnBuilder &part);

    Kind m_kind = Kind::Empty;
    std::size_t m_rows = 0;
    std::vector<std::uint8_t> m_valid;
    std::vector<std::int64_t> m_ints;
    std::vector<double> m_doubles;
    std::string m_chars;
    std::vector<std::uint64_t> m_offsets{0};
};

} // namespace loupe
