#include "core/checks/CheckValue.h"

#include "core/data/DateTime.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loupe {

const char *checkValueKindName(CheckValueKind kind)
{
    switch (kind) {
    case CheckValueKind::Number:
        return "number";
    case CheckValueKind::String:
        return "string";
    case CheckValueKind::Bool:
        return "bool";
    case CheckValueKind::DateTime:
        return "datetime";
    case CheckValueKind::Duration:
        return "duration";
    }
    return "value";
}

CheckValue CheckValue::number(double value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Number;
    v.m_data = value;
    return v;
}

CheckValue CheckValue::string(std::string value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::String;
    v.m_data = std::move(value);
    return v;
}

CheckValue CheckValue::boolean(bool value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Bool;
    v.m_data = value;
    return v;
}

CheckValue CheckValue::dateTime(std::int64_t nanos)
{
    CheckValue v;
    v.m_kind = CheckValueKind::DateTime;
    v.m_data = nanos;
    return v;
}

CheckValue CheckValue::duration(std::int64_t nanos)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Duration;
    v.m_data = nanos;
    return v;
}

bool CheckValue::operator==(const CheckValue &other) const
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

std::string CheckValue::display() const
{
    switch (m_kind) {
    case CheckValueKind::Number:
        return formatNumber(asNumber());
    case CheckValueKind::String:
        return asString();
    case CheckValueKind::Bool:
        return asBool() ? "true" : "false";
    case CheckValueKind::DateTime:
        return formatDateTime(asDateTime());
    case CheckValueKind::Duration:
        return formatDuration(asDuration());
    }
    return {};
}

std::string CheckValue::repr() const
{
    if (m_kind != CheckValueKind::String)
        return display();
    std::string text = "'";
    for (char c : asString()) {
        if (c == '\'' || c == '\\')
            text += '\\';
        text += c;
    }
    return text + "'";
}

} // namespace loupe
