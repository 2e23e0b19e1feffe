#include "core/checks/ExpressionValue.h"

#include "core/data/DateTime.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loupe {

std::string_view valueKindName(ValueKind kind)
{
    switch (kind) {
    case ValueKind::Number:
        return "number";
    case ValueKind::String:
        return "string";
    case ValueKind::Bool:
        return "bool";
    case ValueKind::DateTime:
        return "datetime";
    case ValueKind::Duration:
        return "duration";
    }
    return "value";
}

ExpressionValue ExpressionValue::number(double value)
{
    ExpressionValue v;
    v.m_kind = ValueKind::Number;
    v.m_data = value;
    return v;
}

ExpressionValue ExpressionValue::string(std::string value)
{
    ExpressionValue v;
    v.m_kind = ValueKind::String;
    v.m_data = std::move(value);
    return v;
}

ExpressionValue ExpressionValue::boolean(bool value)
{
    ExpressionValue v;
    v.m_kind = ValueKind::Bool;
    v.m_data = value;
    return v;
}

ExpressionValue ExpressionValue::dateTime(std::int64_t nanos)
{
    ExpressionValue v;
    v.m_kind = ValueKind::DateTime;
    v.m_data = nanos;
    return v;
}

ExpressionValue ExpressionValue::duration(std::int64_t nanos)
{
    ExpressionValue v;
    v.m_kind = ValueKind::Duration;
    v.m_data = nanos;
    return v;
}

bool ExpressionValue::operator==(const ExpressionValue &other) const
{
    return m_kind == other.m_kind && m_data == other.m_data;
}

namespace {

std::string formatNumber(double x)
{
    if (std::isnan(x))
        return "nan";
    if (std::isinf(x))
        return x > 0 ? "inf" : "-inf";
    if (x == std::trunc(x) && std::fabs(x) < 1e16) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.0f", x == 0.0 ? 0.0 : x);
        return buf;
    }
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, x);
    return std::string(buf, result.ptr);
}

// Python's timedelta str(): days are floored, the time of day is never negative.
std::string formatDuration(std::int64_t nanos)
{
    std::int64_t days = nanos / kNanosPerDay;
    std::int64_t rest = nanos % kNanosPerDay;
    if (rest < 0) {
        rest += kNanosPerDay;
        --days;
    }
    const std::int64_t seconds = rest / kNanosPerSecond;
    const std::int64_t fraction = rest % kNanosPerSecond;
    char buf[96];
    int used = 0;
    if (days != 0)
        used = std::snprintf(buf, sizeof buf, "%lld day%s, ", static_cast<long long>(days),
                             (days == 1 || days == -1) ? "" : "s");
    used += std::snprintf(buf + used, sizeof buf - static_cast<std::size_t>(used), "%lld:%02lld:%02lld",
                          static_cast<long long>(seconds / 3600), static_cast<long long>(seconds / 60 % 60),
                          static_cast<long long>(seconds % 60));
    if (fraction != 0 && fraction % 1000 == 0)
        std::snprintf(buf + used, sizeof buf - static_cast<std::size_t>(used), ".%06lld",
                      static_cast<long long>(fraction / 1000));
    else if (fraction != 0)
        std::snprintf(buf + used, sizeof buf - static_cast<std::size_t>(used), ".%09lld",
                      static_cast<long long>(fraction));
    return buf;
}

} // namespace

std::string formatValue(const ExpressionValue &value)
{
    switch (value.kind()) {
    case ValueKind::Number:
        return formatNumber(value.asNumber());
    case ValueKind::String:
        return value.asString();
    case ValueKind::Bool:
        return value.asBool() ? "true" : "false";
    case ValueKind::DateTime:
        return formatDateTime(value.asDateTime());
    case ValueKind::Duration:
        return formatDuration(value.asDuration());
    }
    return {};
}

} // namespace loupe
