#include "core/privacy/PiiValidators.h"

#include "core/privacy/CharClass.h"

#include <array>
#include <cstdint>

namespace loupe {

namespace {

int digitsValue(std::string_view digits)
{
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool allDigits(std::string_view text)
{
    if (text.empty())
        return false;
    for (char c : text)
        if (!charclass::isDigit(c))
            return false;
    return true;
}

// The first `count` digits as a number. requires: digits.size() >= count.
int prefix(std::string_view digits, std::size_t count)
{
    return digitsValue(digits.substr(0, count));
}

struct IbanCountry {
    char code[3];
    int length;
};

// SWIFT IBAN registry lengths.
constexpr std::array<IbanCountry, 87> kIbanCountries{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
}};

// Mod 97 of the IBAN read from its 5th character on, then its first four (letters as 10..35).
int ibanRemainder(std::string_view compact)
{
    int remainder = 0;
    const auto feed = [&remainder](char c) {
        if (charclass::isDigit(c)) {
            remainder = (remainder * 10 + (c - '0')) % 97;
        } else {
            const int value = c - 'A' + 10;
            remainder = (remainder * 100 + value) % 97;
        }
    };
    for (std::size_t i = 4; i < compact.size(); ++i)
        feed(compact[i]);
    for (std::size_t i = 0; i < 4; ++i)
        feed(compact[i]);
    return remainder;
}

bool isDomainLabel(std::string_view label)
{
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    for (char c : label)
        if (!charclass::isAlnum(c) && c != '-')
            return false;
    return true;
}

bool isHexGroup(std::string_view group)
{
    if (group.empty() || group.size() > 4)
        return false;
    for (char c : group)
        if (!charclass::isHex(c))
            return false;
    return true;
}

// Counts the groups of one side of an IPv6 address ("" has none); -1 when a group is malformed.
// When `allowQuad`, the last group may be a dotted quad, which counts as two.
int ipv6Groups(std::string_view side, bool allowQuad)
{
    if (side.empty())
        return 0;
    int groups = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t colon = side.find(':', start);
        const std::string_view group = side.substr(start, colon == std::string_view::npos ? side.npos : colon - start);
        if (colon == std::string_view::npos) {
            if (allowQuad && group.find('.') != std::string_view::npos)
                return isValidIpv4(group) ? groups + 2 : -1;
            return isHexGroup(group) ? groups + 1 : -1;
        }
        if (!isHexGroup(group))
            return -1;
        ++groups;
        start = colon + 1;
    }
}

} // namespace

std::string_view cardIssuerName(CardIssuer issuer)
{
    switch (issuer) {
    case CardIssuer::Visa:
        return "Visa";
    case CardIssuer::Mastercard:
        return "Mastercard";
    case CardIssuer::Amex:
        return "American Express";
    case CardIssuer::Discover:
        return "Discover";
    case CardIssuer::Jcb:
        return "JCB";
    case CardIssuer::Diners:
        return "Diners Club";
    case CardIssuer::UnionPay:
        return "UnionPay";
    case CardIssuer::Maestro:
        return "Maestro";
    case CardIssuer::Mir:
        return "Mir";
    }
    return "unknown";
}

bool isValidSsnParts(int area, int group, int serial)
{
    if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0)
        return false;
    if ((area == 78 && group == 5 && serial == 1120) || (area == 219 && group == 9 && serial == 9999))
        return false;
    const int digit = area % 10;
    const bool allSame = area == digit * 111 && group == digit * 11 && serial == digit * 1111;
    return !allSame;
}

bool isValidSsn(std::string_view text)
{
    if (text.size() == 9 && allDigits(text))
        return isValidSsnParts(prefix(text, 3), digitsValue(text.substr(3, 2)), digitsValue(text.substr(5)));
    if (text.size() != 11 || (text[3] != '-' && text[3] != ' ') || text[6] != text[3])
        return false;
    const std::string_view area = text.substr(0, 3), group = text.substr(4, 2), serial = text.substr(7);
    if (!allDigits(area) || !allDigits(group) || !allDigits(serial))
        return false;
    return isValidSsnParts(digitsValue(area), digitsValue(group), digitsValue(serial));
}

bool luhnValid(std::string_view digits)
{
    int sum = 0;
    bool doubleIt = false;
    for (std::size_t i = digits.size(); i-- > 0;) {
        int d = digits[i] - '0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return !digits.empty() && sum % 10 == 0;
}

std::optional<CardIssuer> cardIssuer(std::string_view digits)
{
    const std::size_t n = digits.size();
    if (n < 12 || n > 19 || !allDigits(digits))
        return std::nullopt;
    const int p2 = prefix(digits, 2), p3 = prefix(digits, 3), p4 = prefix(digits, 4), p6 = prefix(digits, 6);
    if (digits[0] == '4')
        return (n == 13 || n == 16 || n == 19) ? std::optional(CardIssuer::Visa) : std::nullopt;
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720))
        return n == 16 ? std::optional(CardIssuer::Mastercard) : std::nullopt;
    if (p2 == 34 || p2 == 37)
        return n == 15 ? std::optional(CardIssuer::Amex) : std::nullopt;
    if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925))
        return n >= 16 ? std::optional(CardIssuer::Discover) : std::nullopt;
    if (p4 >= 3528 && p4 <= 3589)
        return n >= 16 ? std::optional(CardIssuer::Jcb) : std::nullopt;
    if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39)
        return n >= 14 ? std::optional(CardIssuer::Diners) : std::nullopt;
    if (p2 == 62)
        return n >= 16 ? std::optional(CardIssuer::UnionPay) : std::nullopt;
    if (p4 >= 2200 && p4 <= 2204)
        return n >= 16 ? std::optional(CardIssuer::Mir) : std::nullopt;
    if (p2 == 50 || (p2 >= 56 && p2 <= 58) || p4 == 6304 || p4 == 6759 || (p4 >= 6761 && p4 <= 6763))
        return std::optional(CardIssuer::Maestro);
    return std::nullopt;
}

bool isValidCardNumber(std::string_view text)
{
    char digits[20];
    std::size_t count = 0;
    char separator = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (charclass::isDigit(c)) {
            if (count == 19)
                return false;
            digits[count++] = c;
            continue;
        }
        if ((c != ' ' && c != '-') || (separator && c != separator) || i == 0 || i + 1 == text.size()
            || !charclass::isDigit(text[i + 1]))
            return false;
        separator = c;
    }
    const std::string_view compact(digits, count);
    return cardIssuer(compact).has_value() && luhnValid(compact);
}

std::optional<int> ibanLength(std::string_view country)
{
    for (const IbanCountry &entry : kIbanCountries)
        if (country == std::string_view(entry.code, 2))
            return entry.length;
    return std::nullopt;
}

bool isValidIban(std::string_view text)
{
    char compact[40];
    std::size_t count = 0;
    std::size_t sinceSpace = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            if (sinceSpace != 4 || i + 1 == text.size())
                return false;
            sinceSpace = 0;
            continue;
        }
        if (!charclass::isDigit(c) && !charclass::isUpper(c))
            return false;
        if (count == sizeof(compact))
            return false;
        compact[count++] = c;
        ++sinceSpace;
    }
    if (count < 5 || !charclass::isUpper(compact[0]) || !charclass::isUpper(compact[1]) || !charclass::isDigit(compact[2]) || !charclass::isDigit(compact[3]))
        return false;
    const auto length = ibanLength(std::string_view(compact, 2));
    if (!length || static_cast<std::size_t>(*length) != count)
        return false;
    return ibanRemainder(std::string_view(compact, count)) == 1;
}

bool isValidEmail(std::string_view text)
{
    const std::size_t at = text.find('@');
    if (at == std::string_view::npos || text.size() > 254)
        return false;
    const std::string_view local = text.substr(0, at), domain = text.substr(at + 1);
    if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.'
        || local.find("..") != std::string_view::npos)
        return false;
    for (char c : local)
        if (!charclass::isAlnum(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-')
            return false;
    std::size_t start = 0;
    int labels = 0;
    std::string_view last;
    while (true) {
        const std::size_t dot = domain.find('.', start);
        last = domain.substr(start, dot == std::string_view::npos ? domain.npos : dot - start);
        if (!isDomainLabel(last))
            return false;
        ++labels;
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    if (labels < 2 || last.size() < 2)
        return false;
    for (char c : last)
        if (charclass::isDigit(c) || c == '-')
            return false;
    return true;
}

bool isValidIpv4(std::string_view text)
{
    int octets = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = text.find('.', start);
        const std::string_view octet = text.substr(start, dot == std::string_view::npos ? text.npos : dot - start);
        if (octet.empty() || octet.size() > 3 || !allDigits(octet) || (octet.size() > 1 && octet[0] == '0')
            || digitsValue(octet) > 255)
            return false;
        ++octets;
        if (dot == std::string_view::npos)
            break;
        if (octets == 4)
            return false;
        start = dot + 1;
    }
    return octets == 4;
}

bool isValidIpv6(std::string_view text)
{
    if (text.size() < 2 || text.size() > 45)
        return false;
    const std::size_t gap = text.find("::");
    if (gap == std::string_view::npos) {
        if (text.front() == ':' || text.back() == ':')
            return false;
        return ipv6Groups(text, true) == 8;
    }
    if (text.find("::", gap + 1) != std::string_view::npos || text == "::")
        return false;
    const std::string_view left = text.substr(0, gap), right = text.substr(gap + 2);
    const int leftGroups = ipv6Groups(left, false);
    const int rightGroups = ipv6Groups(right, true);
    return leftGroups >= 0 && rightGroups >= 0 && leftGroups + rightGroups <= 7;
}

bool isValidNanpDigits(std::string_view tenDigits)
{
    if (tenDigits.size() != 10 || !allDigits(tenDigits))
        return false;
    const auto validBlock = [](std::string_view block) {
        return block[0] >= '2' && !(block[1] == '1' && block[2] == '1');
    };
    return validBlock(tenDigits.substr(0, 3)) && validBlock(tenDigits.substr(3, 3));
}

bool isCalendarDate(int year, int month, int day)
{
    if (year < 1800 || year > 2199 || month < 1 || month > 12 || day < 1)
        return false;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= limit;
}

} // namespace loupe
