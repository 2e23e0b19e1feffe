#pragma once
// Time-zone checks (marbles assertTimeZoneIsNone / IsNotNone / Equal / NotEqual) on a STRING column of
// datetime text. A column the CSV reader typed as datetime has already had its offsets converted to UTC
// (DateTimeParser.h), so these checks reject it at validation: load the column as string to keep the offsets.
// Each non-missing value must read as a datetime (DateTimeParser's forms); one that does not fails.
// A zone is "Z"/"UTC" or an offset "+HH", "+HHMM", "+HH:MM" (also with '-'); "+00:00" equals "Z".
//   "timezone_present"     every value carries a zone (marbles TimeZoneIsNotNone)
//   "timezone_absent"      no value carries a zone (TimeZoneIsNone)
//   "timezone_equal"       zone: every value carries that zone
//   "timezone_not_equal"   zone: no value carries that zone
//   "timezone_utc"         every value carries the UTC offset
//   "timezone_consistent"  every value carries the same zone as the first value (or none, if it has none)

#include "core/checks/Assertion.h"

#include <optional>

namespace loupe {

class TimeZoneAssertion : public Assertion {
public:
    enum class Kind { Present, Absent, Equal, NotEqual, Utc, Consistent };

    explicit TimeZoneAssertion(Kind kind) : m_kind(kind) {}

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

    // The zone written in datetime text, in minutes east of UTC: nullopt when the text has no zone.
    // requires: text reads with DateTimeParser.
    static std::optional<int> offsetMinutes(std::string_view text);
    // Reads a zone parameter value ("Z", "UTC", "+02:00", ...); false when it is none of those.
    static bool parseZone(std::string_view text, int &minutes);

private:
    Kind m_kind;
};

} // namespace loupe
