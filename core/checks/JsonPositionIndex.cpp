#include "core/checks/JsonPositionIndex.h"

#include <algorithm>
#include <set>

namespace loupe {

namespace {

class Scanner {
public:
    Scanner(std::string_view text, std::map<std::string, JsonSpan> &spans) : m_text(text), m_spans(spans) {}

    Status scanDocument()
    {
        skipSpace();
        return scanValue("", m_pos);
    }

    std::size_t duplicateOffset = 0;

private:
    void skipSpace()
    {
        while (m_pos < m_text.size()
               && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    // Reads a string starting at m_pos (on the quote); returns its decoded-enough text (escapes kept simple:
    // \" and \\ and \/ are unescaped, others kept as written, which is all keys in suites need).
    std::string scanString()
    {
        std::string out;
        ++m_pos; // opening quote
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            if (m_text[m_pos] == '\\' && m_pos + 1 < m_text.size()) {
                const char next = m_text[m_pos + 1];
                if (next == '"' || next == '\\' || next == '/')
                    out += next;
                else
                    out.append(m_text.substr(m_pos, 2));
                m_pos += 2;
                continue;
            }
            out += m_text[m_pos++];
        }
        ++m_pos; // closing quote
        return out;
    }

    Status scanValue(const std::string &pointer, std::size_t spanBegin)
    {
        skipSpace();
        if (m_pos >= m_text.size())
            return Status::ok();
        const char c = m_text[m_pos];
        Status status;
        if (c == '{')
            status = scanObject(pointer);
        else if (c == '[')
            status = scanArray(pointer);
        else if (c == '"')
            scanString();
        else
            while (m_pos < m_text.size() && std::string_view(",]} \t\r\n").find(m_text[m_pos]) == std::string_view::npos)
                ++m_pos;
        m_spans[pointer] = JsonSpan{spanBegin, m_pos};
        return status;
    }

    Status scanObject(const std::string &pointer)
    {
        ++m_pos;
        std::set<std::string> seen;
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] == '}')
                break;
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            const std::size_t keyBegin = m_pos;
            const std::string key = scanString();
            if (!seen.insert(key).second) {
                duplicateOffset = keyBegin;
                return Status::invalidInput("duplicate key '" + key + "'");
            }
            skipSpace();
            ++m_pos; // ':'
            if (Status s = scanValue(pointer + "/" + jsonPointerToken(key), keyBegin); !s.isOk())
                return s;
        }
        ++m_pos;
        return Status::ok();
    }

    Status scanArray(const std::string &pointer)
    {
        ++m_pos;
        std::size_t index = 0;
        while (true) {
            skipSpace();
            if (m_pos >= m_text.size() || m_text[m_pos] == ']')
                break;
            if (m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            if (Status s = scanValue(pointer + "/" + std::to_string(index++), m_pos); !s.isOk())
                return s;
        }
        ++m_pos;
        return Status::ok();
    }

    std::string_view m_text;
    std::map<std::string, JsonSpan> &m_spans;
    std::size_t m_pos = 0;
};

} // namespace

Result<JsonPositionIndex> JsonPositionIndex::build(std::string_view text)
{
    JsonPositionIndex index;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n')
            index.m_newlines.push_back(i);
    }
    Scanner scanner(text, index.m_spans);
    if (Status s = scanner.scanDocument(); !s.isOk()) {
        const std::size_t at = scanner.duplicateOffset;
        return Status::invalidInput("line " + std::to_string(index.lineOf(at)) + ", column "
                                    + std::to_string(index.columnOf(at)) + ": " + s.message());
    }
    return index;
}

const JsonSpan *JsonPositionIndex::find(const std::string &pointer) const
{
    auto it = m_spans.find(pointer);
    return it == m_spans.end() ? nullptr : &it->second;
}

std::size_t JsonPositionIndex::lineOf(std::size_t offset) const
{
    return static_cast<std::size_t>(std::lower_bound(m_newlines.begin(), m_newlines.end(), offset) - m_newlines.begin())
           + 1;
}

std::size_t JsonPositionIndex::columnOf(std::size_t offset) const
{
    const std::size_t line = lineOf(offset);
    const std::size_t lineStart = line == 1 ? 0 : m_newlines[line - 2] + 1;
    return offset - lineStart + 1;
}

std::size_t JsonPositionIndex::lineFor(std::string pointer) const
{
    while (true) {
        if (const JsonSpan *span = find(pointer))
            return lineOf(span->begin);
        if (pointer.empty())
            return 1;
        pointer.erase(pointer.rfind('/'));
    }
}

std::string jsonPointerToken(std::string_view key)
{
    std::string out;
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

} // namespace loupe
