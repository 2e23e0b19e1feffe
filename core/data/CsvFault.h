#pragma once
// One fault found while reading CSV text, located by byte offset; turned into the user-facing
// "FILE:LINE:COL: what (column 'name')" Status only when reported, because the line number costs a scan.

#include "core/data/ColumnType.h"
#include "core/util/Status.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct CsvFault {
    std::size_t offset = 0;  // byte offset in the buffer (BOM included) where the fault is
    std::size_t column = 0;  // 1-based field index; 0 = the fault has no column (whole-file faults)
    std::string text;        // what is wrong, already naming the column where useful

    // "NAME:LINE:COL: text" (LINE is 1 + the number of '\n' before offset), or "NAME: text" without column.
    Status toStatus(std::string_view buffer, const std::string &displayName) const;

    // The messages of CsvReader, in one place so tests and callers see one wording.
    // `names` are the header's column names (empty while reading the header); column is 1-based.
    static CsvFault unterminatedQuote(std::size_t offset, std::size_t column, const std::vector<std::string> &names);
    static CsvFault quoteInUnquotedField(std::size_t offset, std::size_t column, const std::vector<std::string> &names);
    static CsvFault characterAfterClosingQuote(std::size_t offset, std::size_t column, char character,
                                               const std::vector<std::string> &names);
    static CsvFault fieldCount(std::size_t offset, std::size_t column, std::size_t fields,
                               const std::vector<std::string> &names);
    static CsvFault invalidUtf8(std::size_t offset, std::size_t column, const std::vector<std::string> &names);
    static CsvFault badValue(std::size_t offset, std::size_t column, std::string_view value, ColumnType type,
                             const std::vector<std::string> &names);
    static CsvFault emptyColumnName(std::size_t offset, std::size_t column);
    static CsvFault duplicateColumnName(std::size_t offset, std::size_t column, const std::string &name,
                                        std::size_t firstColumn);
    static CsvFault wholeFile(std::string text); // "NAME: text"

    // " (column 'name')" when column is within names, else "".
    static std::string columnSuffix(std::size_t column, const std::vector<std::string> &names);
    // The value quoted for a message: at most 40 characters, control bytes shown as \xHH.
    static std::string quoted(std::string_view value);
};

} // namespace loupe
