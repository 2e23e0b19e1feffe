#include "app/cli/TextTable.h"

#include <algorithm>

namespace loupe::cli {

namespace {

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Control characters (tabs, newlines inside quoted fields) would break the layout.
std::string printable(const std::string &text)
{
    std::string result = text;
    for (char &c : result)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            c = ' ';
    return result;
}

} // namespace

TextTable::TextTable(std::size_t maxCellWidth) : m_maxCellWidth(std::max<std::size_t>(maxCellWidth, 4)) {}

void TextTable::addRow(std::vector<std::string> cells)
{
    for (std::string &cell : cells)
        cell = fitted(printable(cell));
    if (cells.empty())
        cells.emplace_back();
    m_rows.push_back(std::move(cells));
}

void TextTable::addSeparator()
{
    m_rows.emplace_back();
}

std::size_t TextTable::displayWidth(const std::string &text)
{
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !isContinuationByte(c); }));
}

std::string TextTable::fitted(const std::string &text) const
{
    if (displayWidth(text) <= m_maxCellWidth)
        return text;
    const std::size_t keep = m_maxCellWidth - 3;
    std::size_t points = 0, end = 0;
    while (end < text.size()) {
        if (!isContinuationByte(text[end]) && points++ == keep)
            break;
        ++end;
    }
    return text.substr(0, end) + "...";
}

void TextTable::print(std::ostream &out, std::size_t indent) const
{
    std::vector<std::size_t> widths;
    for (const auto &row : m_rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    const std::string margin(indent, ' ');
    for (const auto &row : m_rows) {
        std::string line = margin;
        if (row.empty()) {
            for (std::size_t c = 0; c < widths.size(); ++c)
                line += std::string(widths[c], '-') + (c + 1 < widths.size() ? "  " : "");
        } else {
            for (std::size_t c = 0; c < row.size(); ++c) {
                line += row[c];
                if (c + 1 < row.size())
                    line += std::string(widths[c] - displayWidth(row[c]) + 2, ' ');
            }
        }
        out << line << '\n';
    }
}

} // namespace loupe::cli
