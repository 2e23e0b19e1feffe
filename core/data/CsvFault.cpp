#include "core/data/CsvFault.h"

#include <algorithm>
#include <cstdio>

namespace loupe {

Status CsvFault::toStatus(std::string_view buffer, const std::string &displayName) const
{
    if (column == 0)
        return Status::invalidInput(displayName + ": " + text);
    const std::size_t end = std::min(offset, buffer.size());
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(buffer.begin(), buffer.begin() + end, '\n'));
    return Status::invalidInput(displayName + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + text);
}

std::string CsvFault::columnSuffix(std::size_t column, const std::vector<std::string> &names)
{
    if (column == 0 || column > names.size())
        return {};
    return " (column '" + names[column - 1] + "')";
}

std::string CsvFault::quoted(std::string_view value)
{
    constexpr std::size_t kMaxShown = 40;
    std::string out = "'";
    for (std::size_t i = 0; i < value.size() && i < kMaxShown; ++i) {
        const auto byte = static_cast<unsigned char>(value[i]);
        if (byte < 0x20 || byte == 0x7F) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02X", byte);
            out += hex;
        } else {
            out += value[i];
        }
    }
    if (value.size() > kMaxShown)
        out += "...";
    out += "'";
    return out;
}

CsvFault CsvFault::unterminatedQuote(std::size_t offset, std::size_t column, const std::vector<std::string> &names)
{
    return {offset, column, "unterminated quoted field starting here" + columnSuffix(column, names)};
}

CsvFault CsvFault::quoteInUnquotedField(std::size_t offset, std::size_t column, const std::vector<std::string> &names)
{
    return {offset, column,
            "quote character inside an unquoted field (quote the whole field and double the quote)"
                + columnSuffix(column, names)};
}

CsvFault CsvFault::characterAfterClosingQuote(std::size_t offset, std::size_t column, char character,
                                              const std::vector<std::string> &names)
{
    return {offset, column,
            "unexpected character " + quoted(std::string_view(&character, 1)) + " after a closing quote"
                + columnSuffix(column, names)};
}

CsvFault CsvFault::fieldCount(std::size_t offset, std::size_t column, std::size_t fields,
                              const std::vector<std::string> &names)
{
    return {offset, column,
            "row has " + std::to_string(fields) + (fields == 1 ? " field" : " fields") + ", the header has "
                + std::to_string(names.size()) + columnSuffix(column, names)};
}

CsvFault CsvFault::invalidUtf8(std::size_t offset, std::size_t column, const std::vector<std::string> &names)
{
    return {offset, column, "invalid UTF-8 at byte offset " + std::to_string(offset) + columnSuffix(column, names)};
}

CsvFault CsvFault::badValue(std::size_t offset, std::size_t column, std::string_view value, ColumnType type,
                            const std::vector<std::string> &names)
{
    const std::string typeName(columnTypeName(type));
    const std::string name = column >= 1 && column <= names.size() ? names[column - 1] : std::string();
    return {offset, column,
            "value " + quoted(value) + " is not a valid " + typeName + " (column '" + name + "' is forced to "
                + typeName + ")"};
}

CsvFault CsvFault::emptyColumnName(std::size_t offset, std::size_t column)
{
    return {offset, column, "empty column name in the header"};
}

CsvFault CsvFault::duplicateColumnName(std::size_t offset, std::size_t column, const std::string &name,
                                       std::size_t firstColumn)
{
    return {offset, column,
            "duplicate column name " + quoted(name) + " (first used by column " + std::to_string(firstColumn) + ")"};
}

CsvFault CsvFault::wholeFile(std::string text)
{
    return {0, 0, std::move(text)};
}

} // namespace loupe
