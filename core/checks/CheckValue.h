#pragma once
// A scalar a data test works with: a parameter of an assertion or a computed local.
// Kinds: Number (double), String, Bool, DateTime (int64 ns since 1970 UTC, as in Table), Duration (int64 ns).
// The expression language (core/checks/Expression*.h) produces these kinds; the runner converts its results
// (checkValueFrom) so assertions never depend on the expression engine.

#include <cstdint>
#include <string>

namespace loupe {

enum class CheckValueKind { Number, String, Bool, DateTime, Duration };

class CheckValue {
public:
    CheckValue() = default;
    static CheckValue number(double value);
    static CheckValue string(std::string value);
    static CheckValue boolean(bool value);
    static CheckValue dateTime(std::int64_t nanos);
    static CheckValue duration(std::int64_t nanos);

    CheckValueKind kind() const { return m_kind; }
    // requires: the matching kind.
    double asNumber() const { return m_number; }
    const std::string &asString() const { return m_string; }
    bool asBool() const { return m_int != 0; }
    std::int64_t asNanos() const { return m_int; } // DateTime or Duration

    // Human text for reports, as formatValue() in ExpressionValue.h prints it: numbers shortest round-trip,
    // datetimes as formatDateTime(), durations like Python's timedelta ("47450 days, 0:00:00"), strings unquoted.
    std::string display() const;
    // Like display() but strings quoted ("'abc'"), for Locals: and the test definition.
    std::string repr() const;

private:
    CheckValueKind m_kind = CheckValueKind::Number;
    double m_number = 0.0;
    std::int64_t m_int = 0;
    std::string m_string;
};

const char *checkValueKindName(CheckValueKind kind);

class ExpressionValue;
CheckValue checkValueFrom(const ExpressionValue &value);

} // namespace loupe
