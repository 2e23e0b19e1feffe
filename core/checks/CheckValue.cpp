#include "core/checks/CheckValue.h"

#include "core/checks/ExpressionValue.h"

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

std::string CheckValue::display() const
{
    // One printing rule for locals and parameters: the expression language's (marbles' str() style).
    switch (m_kind) {
    case CheckValueKind::Number:
        return formatValue(ExpressionValue::number(m_number));
    case CheckValueKind::String:
        return m_string;
    case CheckValueKind::Bool:
        return m_int ? "true" : "false";
    case CheckValueKind::DateTime:
        return formatValue(ExpressionValue::dateTime(m_int));
    case CheckValueKind::Duration:
        return formatValue(ExpressionValue::duration(m_int));
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

CheckValue checkValueFrom(const ExpressionValue &value)
{
    switch (value.kind()) {
    case ValueKind::Number:
        return CheckValue::number(value.asNumber());
    case ValueKind::String:
        return CheckValue::string(value.asString());
    case ValueKind::Bool:
        return CheckValue::boolean(value.asBool());
    case ValueKind::DateTime:
        return CheckValue::dateTime(value.asDateTime());
    case ValueKind::Duration:
        return CheckValue::duration(value.asDuration());
    }
    return {};
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
