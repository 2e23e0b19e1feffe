#include "core/privacy/DigitCluster.h"

#include "core/privacy/CharClass.h"
#include "core/privacy/PiiValidators.h"

namespace loupe {

namespace {

int number(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool isGroupSeparator(char c)
{
    return c == ' ' || c == '-' || c == '.' || c == '/';
}

} // namespace

DigitCluster::DigitCluster(std::string_view text, std::size_t pos) : m_text(text), m_begin(pos), m_end(pos)
{
    const std::size_t n = text.size();
    std::size_t p = pos;
    if (p < n && text[p] == '+') {
        m_plus = true;
        ++p;
    }
    char separator = 0;
    while (m_count < kMaxGroups) {
        std::size_t q = p;
        const bool paren = q < n && text[q] == '(';
        if (paren)
            ++q;
        const std::size_t begin = q;
        while (q < n && charclass::isDigit(text[q]))
            ++q;
        if (q == begin)
            break;
        const std::size_t digitsEnd = q;
        if (paren) {
            if (q >= n || text[q] != ')')
                break;
            ++q;
        }
        m_groups[m_count++] = Group{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(digitsEnd),
                                    separator, paren};
        m_end = q;
        p = q;
        if (p >= n)
            break;
        const char c = text[p];
        if (paren && charclass::isDigit(c)) {
            separator = ')';
            continue;
        }
        if (isGroupSeparator(c) && p + 1 < n && (charclass::isDigit(text[p + 1]) || (c == ' ' && text[p + 1] == '('))) {
            separator = c;
            ++p;
            continue;
        }
        break;
    }
    m_glued = m_count > 0 && m_end < n && charclass::isAlnum(text[m_end]);
}

std::string_view DigitCluster::digits(int g) const
{
    return m_text.substr(m_groups[g].begin, m_groups[g].end - m_groups[g].begin);
}

bool DigitCluster::startOk(int s) const
{
    return s == 0 || m_groups[s].sepBefore == ' ';
}

bool DigitCluster::endOk(int e) const
{
    if (e == m_count - 1)
        return !m_glued;
    return m_groups[e + 1].sepBefore == ' ';
}

PiiSpan DigitCluster::span(PiiKind kind, int s, int e, bool withPlus) const
{
    std::size_t begin = m_groups[s].begin - (m_groups[s].paren ? 1 : 0);
    if (withPlus)
        begin = m_begin;
    const std::size_t end = m_groups[e].end + (m_groups[e].paren ? 1 : 0);
    return PiiSpan{kind, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end - begin)};
}

void DigitCluster::match(const ColumnNameHints &hints, std::vector<PiiSpan> &out) const
{
    int s = 0;
    if (m_plus) {
        const int e = matchPlusPhone();
        if (e >= 0) {
            out.push_back(span(PiiKind::Phone, 0, e, true));
            s = e + 1;
        }
    }
    while (s < m_count) {
        if (!startOk(s)) {
            ++s;
            continue;
        }
        int e = -1;
        PiiKind kind = PiiKind::Ssn;
        bool withPlus = false;
        if ((e = matchIpv4(s)) >= 0)
            kind = PiiKind::Ipv4;
        else if ((e = matchDate(s, hints)) >= 0)
            kind = PiiKind::BirthDate;
        else if ((e = matchSsn(s, hints)) >= 0)
            kind = PiiKind::Ssn;
        else if ((e = matchCard(s)) >= 0)
            kind = PiiKind::CreditCard;
        else if ((e = matchPhone(s, hints, withPlus)) >= 0)
            kind = PiiKind::Phone;
        if (e < 0) {
            ++s;
            continue;
        }
        out.push_back(span(kind, s, e, withPlus));
        s = e + 1;
    }
}

int DigitCluster::matchIpv4(int s) const
{
    const int e = s + 3;
    if (e >= m_count || !endOk(e))
        return -1;
    for (int g = s; g <= e; ++g) {
        if (m_groups[g].paren || (g > s && m_groups[g].sepBefore != '.'))
            return -1;
        const int len = length(g);
        if (len > 3 || (len > 1 && digits(g)[0] == '0') || number(digits(g)) > 255)
            return -1;
    }
    return e;
}

int DigitCluster::matchSsn(int s, const ColumnNameHints &hints) const
{
    if (m_groups[s].paren)
        return -1;
    if (length(s) == 9 && hints.ssn && endOk(s)) // bare nine digits only where the column says "ssn"
        return isValidSsn(digits(s)) ? s : -1;
    const int e = s + 2;
    if (e >= m_count || length(s) != 3 || length(s + 1) != 2 || length(e) != 4 || !endOk(e))
        return -1;
    const char sep = m_groups[s + 1].sepBefore;
    if ((sep != '-' && sep != ' ') || m_groups[e].sepBefore != sep || m_groups[s + 1].paren || m_groups[e].paren)
        return -1;
    return isValidSsnParts(number(digits(s)), number(digits(s + 1)), number(digits(e))) ? e : -1;
}

int DigitCluster::matchCard(int s) const
{
    // One group of 12..19 digits, or the printed layouts: 4-4-4-4(-1..3), 4-6-5 (Amex), 4-6-4 (Diners).
    char buffer[20];
    int total = 0;
    int best = -1;
    for (int e = s; e < m_count; ++e) {
        const int len = length(e);
        if (m_groups[e].paren || total + len > 19)
            break;
        if (e > s && (m_groups[e].sepBefore != m_groups[s + 1].sepBefore
                      || (m_groups[e].sepBefore != ' ' && m_groups[e].sepBefore != '-')))
            break;
        const std::string_view d = digits(e);
        for (char c : d)
            buffer[total++] = c;
        const int groups = e - s + 1;
        bool layout = groups == 1;
        if (groups > 1) {
            bool fours = true;
            for (int g = s; g < e; ++g)
                fours = fours && length(g) == 4;
            const bool amexDiners = groups == 3 && length(s) == 4 && length(s + 1) == 6 && (len == 5 || len == 4);
            layout = (fours && len >= 1 && len <= 4) || amexDiners;
        }
        if (total >= 12 && layout && endOk(e)) {
            const std::string_view number(buffer, static_cast<std::size_t>(total));
            if (cardIssuer(number) && luhnValid(number))
                best = e;
        }
        if (groups > 1 && length(e) != 4 && !(groups == 2 && length(e) == 6))
            break; // a short group ends every printed layout
    }
    return best;
}

int DigitCluster::matchPlusPhone() const
{
    // E.164: + then 8..15 digits, the country code not starting with 0; +1 must be a valid NANP number.
    if (digits(0)[0] == '0')
        return -1;
    char buffer[16];
    int total = 0;
    int best = -1;
    for (int e = 0; e < m_count; ++e) {
        if (e > 0 && m_groups[e].sepBefore == '/')
            break;
        const std::string_view d = digits(e);
        if (total + static_cast<int>(d.size()) > 15)
            break;
        for (char c : d)
            buffer[total++] = c;
        if (total < 8 || !endOk(e))
            continue;
        if (buffer[0] == '1') {
            if (total == 11 && isValidNanpDigits(std::string_view(buffer + 1, 10)))
                return e;
            continue;
        }
        best = e;
    }
    return best;
}

int DigitCluster::matchPhone(int s, const ColumnNameHints &hints, bool &withPlus) const
{
    withPlus = false;
    if (hints.phone && !m_groups[s].paren && endOk(s)) {
        const std::string_view d = digits(s);
        if ((d.size() == 10 && isValidNanpDigits(d)) || (d.size() == 11 && d[0] == '1' && isValidNanpDigits(d.substr(1))))
            return s;
    }
    int g = s;
    if (length(g) == 1 && digits(g)[0] == '1' && !m_groups[g].paren && g + 3 < m_count
        && m_groups[g + 1].sepBefore != '/')
        ++g; // trunk prefix: 1-212-555-0123
    const int e = g + 2;
    if (e >= m_count || length(g) != 3 || length(g + 1) != 3 || length(e) != 4 || !endOk(e))
        return -1;
    if (m_groups[g + 1].paren || m_groups[e].paren)
        return -1;
    const char second = m_groups[g + 1].sepBefore, third = m_groups[e].sepBefore;
    if (third != '-' && third != '.' && third != ' ')
        return -1;
    if (m_groups[g].paren) {
        if (second != ' ' && second != ')' && second != '-')
            return -1;
    } else if (second != third) {
        return -1;
    }
    char buffer[10];
    int total = 0;
    for (int k = g; k <= e; ++k)
        for (char c : digits(k))
            buffer[total++] = c;
    return isValidNanpDigits(std::string_view(buffer, 10)) ? e : -1;
}

int DigitCluster::matchDate(int s, const ColumnNameHints &hints) const
{
    if (m_groups[s].paren)
        return -1;
    if (length(s) == 8 && hints.birthDate && endOk(s)) { // 19850302 where the column says birth
        const std::string_view d = digits(s);
        return isCalendarDate(number(d.substr(0, 4)), number(d.substr(4, 2)), number(d.substr(6))) ? s : -1;
    }
    const int e = s + 2;
    if (e >= m_count || !endOk(e) || m_groups[s + 1].paren || m_groups[e].paren)
        return -1;
    const char sep = m_groups[s + 1].sepBefore;
    if ((sep != '-' && sep != '/' && sep != '.') || m_groups[e].sepBefore != sep)
        return -1;
    if (!hints.birthDate && !birthContextBefore(m_groups[s].begin))
        return -1; // a date is personal data only as a birth date
    const int a = number(digits(s)), b = number(digits(s + 1)), c = number(digits(e));
    const bool shortMiddle = length(s + 1) <= 2;
    if (length(s) == 4 && shortMiddle && length(e) <= 2)
        return isCalendarDate(a, b, c) ? e : -1;
    if (length(s) <= 2 && shortMiddle && length(e) == 4) {
        if (sep == '.')
            return isCalendarDate(c, b, a) ? e : -1; // day.month.year
        return (isCalendarDate(c, a, b) || isCalendarDate(c, b, a)) ? e : -1; // month/day/year, else day/month
    }
    return -1;
}

bool DigitCluster::birthContextBefore(std::size_t pos) const
{
    const std::size_t from = pos > 24 ? pos - 24 : 0;
    char window[25];
    std::size_t count = 0;
    for (std::size_t i = from; i < pos; ++i) {
        char c = m_text[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        window[count++] = c;
    }
    const std::string_view lower(window, count);
    return lower.find("born") != std::string_view::npos || lower.find("birth") != std::string_view::npos
        || lower.find("dob") != std::string_view::npos || lower.find("d.o.b") != std::string_view::npos;
}

} // namespace loupe
