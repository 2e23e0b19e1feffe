#pragma once
// Civil date/time <-> int64 nanoseconds since 1970-01-01T00:00:00Z, proleptic Gregorian.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loupe {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000LL;
constexpr std::int64_t kNanosPerDay = 86'400LL * kNanosPerSecond;

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
void civilFromDays(std::int64_t days, int &year, unsigned &month, unsigned &day);
bool isValidDate(int year, unsigned month, unsigned day);

// "YYYY-MM-DD" when the time of day is zero, else "YYYY-MM-DD HH:MM:SS[.fff...]".
std::string formatDateTime(std::int64_t nanos);

} // namespace loupe
