#pragma once
// Reads the text of one CSV field as a typed value. Used on the hot path of CsvReader, hence inline.
//
// Accepted forms (after trimming ASCII spaces at both ends, except for isMissingToken):
//   int64   : optional sign, 1..19 decimal digits, within int64 range ("007" reads as 7).
//   float64 : optional sign, decimal or scientific notation ("1.5", ".5", "5.", "-2e-3"), or
//             inf / Inf / INF / infinity / Infinity / INFINITY with an optional sign. Out-of-range
//             magnitudes ("1e999") and other NaN spellings do not read.
//   bool    : true / false, True / False, TRUE / FALSE. "0" and "1" are int64, not bool, unless the
//             column is forced to bool (parseBoolOrBinary).
// Missing-value tokens (exact, untrimmed): "" NA N/A n/a #N/A NaN nan null NULL.

#include <charconv>
#include <cstdint>
#include <limits>
#include <string_view>

namespace loupe {

class FieldParser {
public:
    static bool isMissingToken(std::string_view text)
    {
        switch (text.size()) {
        case 0:
            return true;
        case 2:
            return text == "NA";
        case 3:
            return text == "N/A" || text == "n/a" || text == "NaN" || text == "nan";
        case 4:
            return text == "#N/A" || text == "null" || text == "NULL";
        default:
            return false;
        }
    }

    static std::string_view trimSpaces(std::string_view text)
    {
        while (!text.empty() && text.front() == ' ')
            text.remove_prefix(1);
        while (!text.empty() && text.back() == ' ')
            text.remove_suffix(1);
        return text;
    }

    // ensures: on true, value holds the number; on false, value is unspecified.
    static bool parseInt64(std::string_view text, std::int64_t &value)
    {
        const char *p = text.data();
        const char *end = p + text.size();
        if (p == end)
            return false;
        const bool negative = *p == '-';
        if (*p == '-' || *p == '+') {
            if (++p == end)
                return false;
        }
        if (end - p > 19)
            return false;
        std::uint64_t magnitude = 0;
        for (; p < end; ++p) {
            const unsigned digit = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
            if (digit > 9)
                return false;
            magnitude = magnitude * 10 + digit;
        }
        constexpr std::uint64_t kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        if (negative) {
            if (magnitude > kMax + 1)
                return false;
            value = static_cast<std::int64_t>(~magnitude + 1);
        } else {
            if (magnitude > kMax)
                return false;
            value = static_cast<std::int64_t>(magnitude);
        }
        return true;
    }

    static bool parseFloat64(std::string_view text, double &value)
    {
        if (text.empty())
            return false;
        if (text.front() == '+') {
            text.remove_prefix(1);
            if (text.empty() || text.front() == '-' || text.front() == '+')
                return false;
        }
        if (parseShortDecimal(text, value))
            return true;
        const std::size_t signLength = text.front() == '-' ? 1 : 0;
        if (text.size() == signLength)
            return false;
        const char first = text[signLength];
        if ((first >= '0' && first <= '9') || first == '.') {
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
            return ec == std::errc() && ptr == text.data() + text.size();
        }
        const std::string_view word = text.substr(signLength);
        if (word == "inf" || word == "Inf" || word == "INF" || word == "infinity" || word == "Infinity"
            || word == "INFINITY") {
            value = signLength ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
            return true;
        }
        return false;
    }

    static bool parseBool(std::string_view text, bool &value)
    {
        if (text.size() != 4 && text.size() != 5)
            return false;
        if (text == "true" || text == "True" || text == "TRUE") {
            value = true;
            return true;
        }
        if (text == "false" || text == "False" || text == "FALSE") {
            value = false;
            return true;
        }
        return false;
    }

    // The common case of parseFloat64, "[-]digits[.digits]" with at most 15 digits: the digits form an
    // exact integer and the power of ten is exact, so one IEEE division or product gives the correctly
    // rounded value (Clinger's fast path). False means "not this form", not "not a number".
    static bool parseShortDecimal(std::string_view text, double &value)
    {
        static constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                                             1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
        const char *p = text.data();
        const char *const end = p + text.size();
        const bool negative = p < end && *p == '-';
        p += negative ? 1 : 0;
        std::uint64_t mantissa = 0;
        int digits = 0, fraction = 0;
        bool dot = false;
        for (; p < end; ++p) {
            const unsigned digit = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
            if (digit <= 9) {
                mantissa = mantissa * 10 + digit;
                ++digits;
                fraction += dot ? 1 : 0;
            } else if (*p == '.' && !dot) {
                dot = true;
            } else {
                return false;
            }
        }
        if (digits == 0 || digits > 15)
            return false;
        const double magnitude = static_cast<double>(mantissa) / kPowers[fraction];
        value = negative ? -magnitude : magnitude;
        return true;
    }

    // parseBool, plus "1" and "0": the reading of a column forced to bool.
    static bool parseBoolOrBinary(std::string_view text, bool &value)
    {
        if (text == "1" || text == "0") {
            value = text == "1";
            return true;
        }
        return parseBool(text, value);
    }
};

} // namespace loupe
