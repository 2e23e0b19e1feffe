#include "core/checks/report/NoteWrapper.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace loupe {

namespace {

std::vector<std::string> splitLines(const std::string &text)
{
    std::vector<std::string> lines;
    std::string line;
    std::istringstream in(text);
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        lines.push_back(line);
    }
    return lines;
}

bool isBlank(const std::string &line)
{
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

std::size_t indentOf(const std::string &line)
{
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    return i;
}

// Removes the whitespace prefix every non-blank line shares.
void dedent(std::vector<std::string> &lines)
{
    std::size_t common = std::string::npos;
    for (const std::string &line : lines)
        if (!isBlank(line))
            common = std::min(common, indentOf(line));
    if (common == std::string::npos || common == 0)
        return;
    for (std::string &line : lines)
        line = isBlank(line) ? std::string() : line.substr(common);
}

std::vector<std::string> words(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string word;
    while (in >> word)
        out.push_back(word);
    return out;
}

// Greedy fill of one paragraph (or list item) into lines of at most `room` columns; the first
// line starts with `prefix` (a list marker, or nothing), the following ones with `hanging` spaces.
void fill(const std::string &prefix, const std::string &body, std::size_t hanging, std::size_t room,
          std::vector<std::string> &out)
{
    std::string line = prefix;
    bool hasWords = false;
    for (const std::string &word : words(body)) {
        if (hasWords && line.size() + 1 + word.size() > room) {
            out.push_back(line);
            line = std::string(hanging, ' ');
            hasWords = false;
        }
        if (hasWords)
            line += ' ';
        line += word;
        hasWords = true;
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    if (!line.empty())
        out.push_back(line);
}

} // namespace

std::size_t NoteWrapper::listMarkerLength(const std::string &line)
{
    std::size_t i = indentOf(line);
    const std::size_t start = i;
    if (i < line.size() && (line[i] == '-' || line[i] == '*')) {
        ++i;
    } else {
        while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])))
            ++i;
        if (i == start && i < line.size() && std::isalpha(static_cast<unsigned char>(line[i]))) {
            ++i;
            if (i >= line.size() || line[i] != ')')
                return 0; // a single letter is a marker only as "a)"
        }
        if (i == start || i >= line.size() || (line[i] != '.' && line[i] != ')'))
            return 0;
        ++i;
    }
    if (i >= line.size() || line[i] != ' ')
        return 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

std::vector<std::string> NoteWrapper::wrap(const std::string &note, int width)
{
    std::vector<std::string> lines = splitLines(note);
    dedent(lines);
    const std::size_t room = std::size_t(std::max(10, width) - 1); // the tab takes one column
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (isBlank(lines[i])) {
            if (!out.empty())
                out.emplace_back();
            while (i < lines.size() && isBlank(lines[i]))
                ++i;
            continue;
        }
        // One item: this line and its continuation lines (not blank, not a new list item).
        const std::size_t marker = listMarkerLength(lines[i]);
        const std::string prefix = lines[i].substr(0, marker);
        std::string body = lines[i].substr(marker);
        ++i;
        while (i < lines.size() && !isBlank(lines[i]) && listMarkerLength(lines[i]) == 0)
            body += " " + lines[i++];
        fill(prefix, body, marker, room, out);
    }
    while (!out.empty() && out.back().empty())
        out.pop_back();
    return out;
}

} // namespace loupe
