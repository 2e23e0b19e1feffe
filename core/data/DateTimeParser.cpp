#include "core/data/DateTimeParser.h"

#include "core/data/DateTime.h"

namespace loupe {

namespace {

// Reads `count` decimal digits at text[at..]; false if any is not a digit or the text is too short.
inline bool readDigits(std::string_view text, std::size_t at, std::size_t count, int &value)
{
    if (at + count > text.size())
        return false;
    unsigned result = 0;
    unsigned bad = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        const unsigned digit = static_cast<unsigned char>(text[i]) - static_cast<unsigned>('0');
        bad |= digit > 9 ? 1u : 0u;
        result = result * 10 + digit;
    }
    value = static_cast<int>(result);
    return bad == 0;
}

// Reads "Z", "±HH", "±HHMM" or "±HH:MM" filling exactly the rest of the text, as seconds east of UTC.
bool readZone(std::string_view zone, std::int64_t &offsetSeconds)
{
    if (zone == "Z") {
        offsetSeconds = 0;
        return true;
    }
    if (zone.empty() || (zone[0] != '+' && zone[0] != '-'))
        return false;
    int hours = 0, minutes = 0;
    if (!readDigits(zone, 1, 2, hours))
        return false;
    if (zone.size() == 5 && !readDigits(zone, 3, 2, minutes))
        return false;
    if (zone.size() == 6 && (zone[3] != ':' || !readDigits(zone, 4, 2, minutes)))
        return false;
    if (zone.size() != 3 && zone.size() != 5 && zone.size() != 6)
        return false;
    if (hours > 23 || minutes > 59)
        return false;
    const std::int64_t seconds = hours * 3600LL + minutes * 60LL;
    offsetSeconds = zone[0] == '-' ? -seconds : seconds;
    return true;
}

// Reads "HH:MM[:SS[.fff]]" from text[at..] and the zone after it; the nanoseconds since local midnight.
bool readTimeOfDay(std::string_view text, std::size_t at, std::int64_t &nanos, std::int64_t &offsetSeconds)
{
    int hour = 0, minute = 0, second = 0;
    if (!readDigits(text, at, 2, hour) || at + 2 >= text.size() || text[at + 2] != ':'
        || !readDigits(text, at + 3, 2, minute))
        return false;
    std::size_t pos = at + 5;
    std::int64_t fraction = 0;
    if (pos < text.size() && text[pos] == ':') {
        if (!readDigits(text, pos + 1, 2, second))
            return false;
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            std::size_t digits = 0;
            ++pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && digits < 9) {
                fraction = fraction * 10 + (text[pos] - '0');
                ++pos;
                ++digits;
            }
            if (digits == 0)
                return false;
            for (std::size_t i = digits; i < 9; ++i)
                fraction *= 10;
        }
    }
    if (hour > 23 || minute > 59 || second > 59)
        return false;
    offsetSeconds = 0;
    if (pos < text.size() && !readZone(text.substr(pos), offsetSeconds))
        return false;
    nanos = ((hour * 60LL + minute) * 60LL + second) * kNanosPerSecond + fraction;
    return true;
}

} // namespace

bool DateTimeParser::parse(std::string_view text, std::int64_t &nanos)
{
    const std::size_t size = text.size();
    if (size < 10)
        return false;
    const char separator = text[4];
    if ((separator != '-' && separator != '/') || text[7] != separator)
        return false;
    int year = 0, month = 0, day = 0;
    if (!readDigits(text, 0, 4, year) || !readDigits(text, 5, 2, month) || !readDigits(text, 8, 2, day))
        return false;
    if (day > 28 ? !isValidDate(year, unsigned(month), unsigned(day)) : (month < 1 || month > 12 || day < 1))
        return false;
    std::int64_t timeOfDay = 0, offsetSeconds = 0;
    if (size == 19 && (text[10] == ' ' || text[10] == 'T') && text[13] == ':' && text[16] == ':') {
        // The common "YYYY-MM-DD HH:MM:SS" without fraction or zone.
        int hour = 0, minute = 0, second = 0;
        if (!readDigits(text, 11, 2, hour) || !readDigits(text, 14, 2, minute) || !readDigits(text, 17, 2, second)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        timeOfDay = ((hour * 60LL + minute) * 60LL + second) * kNanosPerSecond;
    } else if (size > 10) {
        if (text[10] != 'T' && text[10] != ' ')
            return false;
        if (!readTimeOfDay(text, 11, timeOfDay, offsetSeconds))
            return false;
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    std::int64_t dayNanos = 0;
    std::int64_t result = 0;
    if (__builtin_mul_overflow(days, kNanosPerDay, &dayNanos)
        || __builtin_add_overflow(dayNanos, timeOfDay, &result)
        || __builtin_sub_overflow(result, offsetSeconds * kNanosPerSecond, &result))
        return false;
    nanos = result;
    return true;
}

} // namespace loupe
