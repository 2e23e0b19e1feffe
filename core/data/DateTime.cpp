#include "core/data/DateTime.h"

#include <cstdio>

namespace loupe {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int &year, unsigned &month, unsigned &day)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(y + (month <= 2 ? 1 : 0));
}

bool isValidDate(int year, unsigned month, unsigned day)
{
    if (month < 1 || month > 12 || day < 1)
        return false;
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const unsigned limit = (month == 2 && leap) ? 29 : kDays[month - 1];
    return day <= limit;
}

std::string formatDateTime(std::int64_t nanos)
{
    std::int64_t days = nanos / kNanosPerDay;
    std::int64_t rest = nanos % kNanosPerDay;
    if (rest < 0) {
        rest += kNanosPerDay;
        --days;
    }
    int y;
    unsigned m, d;
    civilFromDays(days, y, m, d);
    char buf[64];
    if (rest == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
        return buf;
    }
    const std::int64_t secs = rest / kNanosPerSecond;
    const std::int64_t frac = rest % kNanosPerSecond;
    const int hh = static_cast<int>(secs / 3600), mm = static_cast<int>(secs / 60 % 60), ss = static_cast<int>(secs % 60);
    if (frac == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", y, m, d, hh, mm, ss);
    else if (frac % 1'000'000 == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d.%03lld", y, m, d, hh, mm, ss,
                      static_cast<long long>(frac / 1'000'000));
    else
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d.%09lld", y, m, d, hh, mm, ss,
                      static_cast<long long>(frac));
    return buf;
}

} // namespace loupe
