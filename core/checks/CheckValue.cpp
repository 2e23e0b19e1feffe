#include "core/checks/CheckValue.h"

#include "core/data/DateTime.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace loupe {

CheckValue CheckValue::number(double value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Number;
    v.m_number = value;
    return v;
}

CheckValue CheckValue::string(std::string value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::String;
    v.m_string = std::move(value);
    return v;
}

CheckValue CheckValue::boolean(bool value)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Bool;
    v.m_int = value ? 1 : 0;
    return v;
}

CheckValue CheckValue::dateTime(std::int64_t nanos)
{
    CheckValue v;
    v.m_kind = CheckValueKind::DateTime;
    v.m_int = nanos;
    return v;
}

CheckValue CheckValue::duration(std::int64_t nanos)
{
    CheckValue v;
    v.m_kind = CheckValueKind::Duration;
    v.m_int = nanos;
    return v;
}

static std::string formatNumber(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    char buf[40];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

static std::string formatDuration(std::int64_t nanos)
{
    const bool negative = nanos < 0;
    // Work in unsigned magnitude so INT64_MIN does not overflow.
    std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(nanos) : static_cast<std::uint64_t>(nanos);
    const std::uint64_t perDay = static_cast<std::uint64_t>(kNanosPerDay);
    const std::uint64_t days = magnitude / perDay;
    std::uint64_t rest = magnitude % perDay;
    std::string text = negative ? "-" : "";
    text += std::to_string(days) + (days == 1 ? " day" : " days");
    if (rest == 0)
        return text;
    const std::uint64_t perSecond = static_cast<std::uint64_t>(kNanosPerSecond);
    const std::uint64_t seconds = rest / perSecond;
    const std::uint64_t fraction = rest % perSecond;
    char buf[48];
    std::snprintf(buf, sizeof buf, " %02llu:%02llu:%02llu", static_cast<unsigned long long>(seconds / 3600),
                  static_cast<unsigned long long>(seconds / 60 % 60), static_cast<unsigned long long>(seconds % 60));
    text += buf;
    if (fraction != 0) {
        std::snprintf(buf, sizeof buf, ".%09llu", static_cast<unsigned long long>(fraction));
        std::string digits(buf);
        while (digits.back() == '0')
            digits.pop_back();
        text += digits;
    }
    return text;
}

std::string CheckValue::display() const
{
    switch (m_kind) {
    case CheckValueKind::Number:
        return formatNumber(m_number);
    case CheckValueKind::String:
        return m_string;
    case CheckValueKind::Bool:
        return m_int ? "true" : "false";
    case CheckValueKind::DateTime:
        return formatDateTime(m_int);
    case CheckValueKind::Duration:
        return formatDuration(m_int);
    }
    return {};
}

std::string CheckValue::repr() const
{
    if (m_kind != CheckValueKind::String)
        return display();
    std::string text = "'";
    for (char c : m_string) {
        if (c == '\'' || c == '\\')
            text += '\\';
        text += c;
    }
    return text + "'";
}

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
    return "?";
}

} // namespace loupe
