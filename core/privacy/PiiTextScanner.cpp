#include "core/privacy/PiiTextScanner.h"

#include "core/privacy/CharClass.h"
#include "core/privacy/DigitCluster.h"
#include "core/privacy/PiiValidators.h"

namespace loupe {

namespace {

namespace cc = charclass;

std::size_t skipAlnum(std::string_view text, std::size_t pos)
{
    while (pos < text.size() && cc::isAlnum(text[pos]))
        ++pos;
    return pos;
}

PiiSpan makeSpan(PiiKind kind, std::size_t begin, std::size_t end)
{
    return PiiSpan{kind, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end - begin)};
}

// '@' at `at`: the local part is read backwards (not before `floor`), the domain forwards.
// ensures: the end of the address, or 0 when there is none.
std::size_t matchEmail(std::string_view text, std::size_t at, std::size_t floor, std::vector<PiiSpan> &out)
{
    std::size_t begin = at;
    while (begin > floor && (cc::of(text[begin - 1]) & cc::EmailLocal))
        --begin;
    while (begin < at && text[begin] == '.')
        ++begin;
    std::size_t end = at + 1;
    while (end < text.size() && (cc::of(text[end]) & cc::Domain))
        ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-'))
        --end;
    if (begin == at || end == at + 1 || !isValidEmail(text.substr(begin, end - begin)))
        return 0;
    out.push_back(makeSpan(PiiKind::Email, begin, end));
    return end;
}

// ':' at `colon`: hex digits and colons around it (a dotted quad may end it).
std::size_t matchIpv6(std::string_view text, std::size_t colon, std::size_t floor, std::vector<PiiSpan> &out)
{
    std::size_t begin = colon;
    while (begin > floor && ((cc::of(text[begin - 1]) & cc::Hex) || text[begin - 1] == ':'))
        --begin;
    if (begin > 0 && (cc::isAlnum(text[begin - 1]) || text[begin - 1] == '.'))
        return 0;
    std::size_t end = colon;
    while (end < text.size() && ((cc::of(text[end]) & cc::Hex) || text[end] == ':' || text[end] == '.'))
        ++end;
    while (end > colon && text[end - 1] == '.')
        --end;
    if (end < text.size() && cc::isAlnum(text[end]))
        return 0;
    if (!isValidIpv6(text.substr(begin, end - begin)))
        return 0;
    out.push_back(makeSpan(PiiKind::Ipv6, begin, end));
    return end;
}

// An upper-case letter at a word start: country code, check digits, then the country's length of
// letters and digits, electronic or in printed groups of four.
std::size_t matchIban(std::string_view text, std::size_t pos, std::vector<PiiSpan> &out)
{
    const std::size_t n = text.size();
    if (pos + 4 >= n || !(cc::of(text[pos + 1]) & cc::Upper) || !cc::isDigit(text[pos + 2]) || !cc::isDigit(text[pos + 3]))
        return 0;
    const auto length = ibanLength(text.substr(pos, 2));
    if (!length)
        return 0;
    int count = 4;
    int sinceSpace = 4;
    std::size_t p = pos + 4;
    while (count < *length && p < n) {
        const char c = text[p];
        if (cc::of(c) & (cc::Upper | cc::Digit)) {
            ++count;
            ++sinceSpace;
            ++p;
        } else if (c == ' ' && sinceSpace == 4 && p + 1 < n && (cc::of(text[p + 1]) & (cc::Upper | cc::Digit))) {
            sinceSpace = 0;
            ++p;
        } else {
            break;
        }
    }
    if (count != *length || (p < n && cc::isAlnum(text[p])) || !isValidIban(text.substr(pos, p - pos)))
        return 0;
    out.push_back(makeSpan(PiiKind::Iban, pos, p));
    return p;
}

} // namespace

PiiTextScanner::PiiTextScanner(ColumnNameHints hints) : m_hints(hints)
{
}

std::size_t PiiTextScanner::scan(std::string_view text, std::vector<PiiSpan> &out) const
{
    const std::size_t before = out.size();
    const std::size_t n = text.size();
    std::size_t floor = 0; // nothing before this may join a new finding
    std::size_t i = 0;
    while (i < n) {
        while (i < n && !(cc::of(text[i]) & cc::Trigger))
            ++i;
        if (i >= n)
            break;
        const char c = text[i];
        const bool wordStart = i == 0 || !cc::isAlnum(text[i - 1]);
        std::size_t next = i + 1;
        std::size_t found = 0;
        if (c == '@') {
            found = matchEmail(text, i, floor, out);
        } else if (c == ':') {
            found = matchIpv6(text, i, floor, out);
        } else if (cc::of(c) & cc::Upper) {
            if (wordStart)
                found = matchIban(text, i, out);
            next = skipAlnum(text, i);
        } else if (!wordStart) {
            next = skipAlnum(text, i);
        } else if (i >= 2 && text[i - 1] == '.' && cc::isAlnum(text[i - 2])) {
            // The tail of a dotted token such as v1.2.3.4.5: not a value of its own.
            while (next < n && (cc::isAlnum(text[next]) || text[next] == '.'))
                ++next;
        } else if (cc::isDigit(c) || (i + 1 < n && (cc::isDigit(text[i + 1]) || text[i + 1] == '('))) {
            const DigitCluster cluster(text, i);
            if (!cluster.isEmpty()) {
                const std::size_t had = out.size();
                cluster.match(m_hints, out);
                next = skipAlnum(text, cluster.end());
                if (out.size() > had)
                    floor = out.back().offset + out.back().length;
            }
        }
        if (found) {
            next = found;
            floor = found;
        }
        i = next > i ? next : i + 1;
    }
    return out.size() - before;
}

bool PiiTextScanner::matchesWhole(std::string_view text, PiiKind kind) const
{
    std::vector<PiiSpan> spans;
    scan(text, spans);
    return spans.size() == 1 && spans[0].kind == kind && spans[0].offset == 0 && spans[0].length == text.size();
}

} // namespace loupe
