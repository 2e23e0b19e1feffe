#pragma once
// Reads date/time text as int64 nanoseconds since 1970-01-01T00:00:00Z (the Table's DateTime storage).
//
// Accepted (and nothing else, so a column of other text stays String):
//   YYYY-MM-DD                                   midnight UTC
//   YYYY-MM-DD(T| )HH:MM[:SS[.f{1,9}]][Z|±HH|±HHMM|±HH:MM]
//   YYYY/MM/DD, optionally followed by the same time part
// A time without a zone is taken as UTC; a zone offset is converted to UTC (10:00+02:00 is 08:00Z).
// The date must exist (2023-02-30 does not read), hours 00-23, minutes and seconds 00-59, offsets up
// to ±23:59, and the instant must fit int64 nanoseconds (about 1677-09-22 to 2262-04-11).
// MM/DD/YYYY and DD/MM/YYYY are NOT read: the two are ambiguous, and guessing would silently swap days
// and months in half of the world's files. Force such a column to string, or convert it first.

#include <cstdint>
#include <string_view>

namespace loupe {

class DateTimeParser {
public:
    // ensures: on true, nanos holds the instant; on false, nanos is unspecified.
    static bool parse(std::string_view text, std::int64_t &nanos);
};

} // namespace loupe
