#pragma once
// A scalar a data test works with: a parameter of an assertion, a suite local, or any value of the
// expression language (core/checks/Expression*.h) that computes the locals.
//   Number   double
//   String   UTF-8 text
//   Bool     true / false
//   DateTime int64 nanoseconds since 1970-01-01T00:00:00Z (the Table's DateTime storage, core/data/DateTime.h)
//   Duration int64 nanoseconds (may be negative)

#include <cstdint>
#include <string>
#include <variant>

namespace loupe {

enum class CheckValueKind { Number, String, Bool, DateTime, Duration };

// "number", "string", "bool", "datetime", "duration"
const char *checkValueKindName(CheckValueKind kind);

class CheckValue {
public:
    CheckValue() = default; // the number 0
    static CheckValue number(double value);
    static CheckValue string(std::string value);
    static CheckValue boolean(bool value);
    static CheckValue dateTime(std::int64_t nanos);
    static CheckValue duration(std::int64_t nanos);

    CheckValueKind kind() const { return m_kind; }
    bool is(CheckValueKind kind) const { return m_kind == kind; }

    // requires: kind() matches.
    double asNumber() const { return std::get<double>(m_data); }
    const std::string &asString() const { return std::get<std::string>(m_data); }
    bool asBool() const { return std::get<bool>(m_data); }
    std::int64_t asDateTime() const { return std::get<std::int64_t>(m_data); }
    std::int64_t asDuration() const { return std::get<std::int64_t>(m_data); }

    // Same kind and same value (numbers compare with ==, so NaN != NaN).
    bool operator==(const CheckValue &other) const;

    // How a value prints in reports, notes and messages (marbles' str() style):
    //   number   shortest round-trip text; integral values without ".0" ("47450", "0.25", "1e+300", "nan", "inf")
    //   string   the text itself, unquoted
    //   bool     "true" / "false"
    //   datetime "YYYY-MM-DD" at midnight, else "YYYY-MM-DD HH:MM:SS[.fff|.fffffffff]" (formatDateTime)
    //   duration as Python prints a timedelta: "47450 days, 0:00:00", "1 day, 2:03:04.500000", "-1 day, 23:59:59",
    //            "0:00:00"; sub-microsecond parts print 9 fraction digits instead of 6.
    std::string display() const;
    // Like display() but strings quoted ("'abc'"), for Locals: and the test definition.
    std::string repr() const;

private:
    CheckValueKind m_kind = CheckValueKind::Number;
    std::variant<double, std::string, bool, std::int64_t> m_data = 0.0;
};

} // namespace loupe
