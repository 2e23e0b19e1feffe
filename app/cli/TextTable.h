#pragma once
// A plain-text table for terminal output: left-aligned columns separated by two spaces, cells longer
// than the width limit cut with "...". Widths count UTF-8 code points, not bytes.

#include <ostream>
#include <string>
#include <vector>

namespace loupe::cli {

class TextTable {
public:
    // requires: maxCellWidth >= 4
    explicit TextTable(std::size_t maxCellWidth = 32);

    // The first row added is printed as given; a separator line of dashes can follow it.
    void addRow(std::vector<std::string> cells);
    void addSeparator();
    // indent: spaces before each line.
    void print(std::ostream &out, std::size_t indent = 0) const;

    static std::size_t displayWidth(const std::string &text);

private:
    std::string fitted(const std::string &text) const;

    std::size_t m_maxCellWidth;
    std::vector<std::vector<std::string>> m_rows; // an empty row stands for a separator
};

} // namespace loupe::cli
