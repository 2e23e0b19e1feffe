#include "core/data/CsvTokenizer.h"

#include <algorithm>
#include <cstring>

namespace loupe {

CsvTokenizer::CsvTokenizer(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

std::size_t CsvTokenizer::skipBlankLines(std::size_t pos, std::size_t limit) const
{
    const std::size_t size = std::min(m_text.size(), limit);
    while (pos < size) {
        if (m_text[pos] == '\n')
            ++pos;
        else if (m_text[pos] == '\r' && pos + 1 < size && m_text[pos + 1] == '\n')
            pos += 2;
        else
            break;
    }
    return pos;
}

[[gnu::always_inline]] inline bool CsvTokenizer::readUnquoted(std::size_t &pos, CsvField &field, std::size_t index,
                                                              Fault &fault, CsvSpecialScanner &scanner) const
{
    const std::size_t size = m_text.size();
    std::size_t end = scanner.next(pos);
    while (end < size && m_text[end] == '\r' && !(end + 1 < size && m_text[end + 1] == '\n'))
        end = scanner.next(end + 1); // a lone CR is data
    if (end < size && m_text[end] == '"') {
        fault = {FaultKind::QuoteInUnquotedField, end, index};
        return false;
    }
    field.begin = pos;
    field.size = end - pos;
    field.quoted = false;
    field.escaped = false;
    pos = end;
    return true;
}

bool CsvTokenizer::readRecord(std::size_t &pos, CsvRecord &record, std::size_t capacity, Fault &fault,
                              CsvSpecialScanner &scanner) const
{
    const std::size_t size = m_text.size();
    record.fieldCount = 0;
    record.fields.clear();
    CsvField field;
    for (;;) {
        const std::size_t index = record.fieldCount;
        const bool ok = pos < size && m_text[pos] == '"' ? readQuoted(pos, field, index, fault)
                                                         : readUnquoted(pos, field, index, fault, scanner);
        if (!ok)
            return false;
        if (index < capacity)
            record.fields.push_back(field);
        ++record.fieldCount;
        // pos is at the delimiter, the terminator or the end.
        if (pos >= size) {
            record.end = size;
            return true;
        }
        const char c = m_text[pos];
        if (c == m_delimiter) {
            ++pos;
            continue;
        }
        record.end = pos;
        pos += c == '\r' ? 2 : 1; // readers stop at '\r' only when "\r\n" follows
        return true;
    }
}

bool CsvTokenizer::readQuoted(std::size_t &pos, CsvField &field, std::size_t index, Fault &fault) const
{
    const char *const base = m_text.data();
    const char *const end = base + m_text.size();
    const std::size_t open = pos;
    const char *p = base + pos + 1;
    bool escaped = false;
    for (;;) {
        const void *hit = std::memchr(p, '"', static_cast<std::size_t>(end - p));
        if (!hit) {
            fault = {FaultKind::UnterminatedQuote, open, index};
            return false;
        }
        p = static_cast<const char *>(hit);
        if (p + 1 < end && p[1] == '"') {
            escaped = true;
            p += 2;
            continue;
        }
        break;
    }
    field.begin = open + 1;
    field.size = static_cast<std::size_t>(p - base) - field.begin;
    field.quoted = true;
    field.escaped = escaped;
    const char *after = p + 1;
    const bool lineEnd = after < end && (*after == '\n' || (*after == '\r' && after + 1 < end && after[1] == '\n'));
    if (after < end && *after != m_delimiter && !lineEnd) {
        fault = {FaultKind::CharacterAfterClosingQuote, static_cast<std::size_t>(after - base), index};
        return false;
    }
    pos = static_cast<std::size_t>(after - base);
    return true;
}

std::string_view CsvTokenizer::undoubleQuotes(const CsvField &field, std::string &scratch) const
{
    const std::string_view raw = m_text.substr(field.begin, field.size);
    scratch.clear();
    scratch.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        scratch.push_back(raw[i]);
        if (raw[i] == '"')
            ++i; // skip the second quote of the pair
    }
    return scratch;
}

} // namespace loupe
