#include "core/checks/AssertionParams.h"

#include "core/data/DateTimeParser.h"
#include "core/data/Table.h"

#include <charconv>
#include <cmath>

namespace loupe {

namespace {

std::string quoted(std::string_view key) { return "parameter '" + std::string(key) + "'"; }

std::string describeJson(const nlohmann::json &value)
{
    if (value.is_string())
        return "string '" + value.get<std::string>() + "'";
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    if (value.is_number())
        return "number " + value.dump();
    if (value.is_array())
        return "an array";
    if (value.is_object())
        return "an object";
    return "null";
}

bool isIdentifier(std::string_view text)
{
    if (text.empty())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        if (!alpha && !(i > 0 && c >= '0' && c <= '9'))
            return false;
    }
    return true;
}

std::string columnList(const Table &table)
{
    std::string names;
    for (const Column &column : table.columns())
        names += (names.empty() ? "" : ", ") + column.name();
    return names.empty() ? "(none)" : names;
}

} // namespace

AssertionParams::AssertionParams(const nlohmann::json &spec, const CheckLocals &locals, const CheckEnvironment &env)
    : m_spec(spec), m_locals(locals), m_env(env)
{
}

bool AssertionParams::has(std::string_view key) const { return m_spec.contains(key); }

std::optional<std::string> AssertionParams::referencedLocal(std::string_view text)
{
    if (text.size() < 3 || text.front() != '{' || text.back() != '}')
        return std::nullopt;
    const std::string_view inner = text.substr(1, text.size() - 2);
    if (!isIdentifier(inner))
        return std::nullopt;
    return std::string(inner);
}

const CheckValue *AssertionParams::local(std::string_view name) const
{
    for (const auto &[localName, value] : m_locals) {
        if (localName == name)
            return &value;
    }
    return nullptr;
}

Result<CheckValue> AssertionParams::resolve(std::string_view key, const nlohmann::json &value) const
{
    if (value.is_string()) {
        const std::string text = value.get<std::string>();
        if (auto name = referencedLocal(text)) {
            if (const CheckValue *found = local(*name))
                return *found;
            std::string known;
            for (const auto &entry : m_locals)
                known += (known.empty() ? "" : ", ") + entry.first;
            return Status::invalidInput(quoted(key) + ": no local named '" + *name + "' (locals: "
                                        + (known.empty() ? "none" : known) + ")");
        }
        return CheckValue::string(text);
    }
    if (value.is_boolean())
        return CheckValue::boolean(value.get<bool>());
    if (value.is_number())
        return CheckValue::number(value.get<double>());
    return Status::invalidInput(quoted(key) + ": expected a single value, got " + describeJson(value));
}

Result<CheckValue> AssertionParams::value(std::string_view key) const
{
    auto it = m_spec.find(key);
    if (it == m_spec.end())
        return Status::invalidInput(quoted(key) + " is required");
    return resolve(key, *it);
}

Result<CheckValue> AssertionParams::valueAs(std::string_view key, CheckValueKind wanted) const
{
    Result<CheckValue> raw = value(key);
    if (!raw.isOk())
        return raw;
    const CheckValue &v = raw.value();
    if (v.kind() == wanted)
        return raw;
    if (v.kind() == CheckValueKind::String) {
        std::int64_t nanos = 0;
        if (wanted == CheckValueKind::DateTime && DateTimeParser::parse(v.asString(), nanos))
            return CheckValue::dateTime(nanos);
        if (wanted == CheckValueKind::Duration && parseDurationLiteral(v.asString(), nanos))
            return CheckValue::duration(nanos);
    }
    std::string hint;
    if (wanted == CheckValueKind::DateTime)
        hint = " (write a date as \"YYYY-MM-DD\" or refer to a local as \"{name}\")";
    else if (wanted == CheckValueKind::Duration)
        hint = " (write a duration as \"30d\", \"12h\", \"15m\", \"10s\" or refer to a local)";
    return Status::invalidInput(quoted(key) + ": expected a " + checkValueKindName(wanted) + ", got "
                                + checkValueKindName(v.kind()) + " " + v.repr() + hint);
}

Result<double> AssertionParams::number(std::string_view key) const
{
    Result<CheckValue> v = valueAs(key, CheckValueKind::Number);
    if (!v.isOk())
        return v.status();
    if (!std::isfinite(v.value().asNumber()))
        return Status::invalidInput(quoted(key) + ": expected a finite number");
    return v.value().asNumber();
}

Result<double> AssertionParams::numberOr(std::string_view key, double fallback) const
{
    if (!has(key))
        return fallback;
    return number(key);
}

Result<std::int64_t> AssertionParams::integer(std::string_view key) const
{
    Result<double> v = number(key);
    if (!v.isOk())
        return v.status();
    const double d = v.value();
    if (d != std::floor(d) || std::fabs(d) > 9.0e15)
        return Status::invalidInput(quoted(key) + ": expected a whole number, got " + CheckValue::number(d).display());
    return static_cast<std::int64_t>(d);
}

Result<std::int64_t> AssertionParams::dateTime(std::string_view key) const
{
    Result<CheckValue> v = valueAs(key, CheckValueKind::DateTime);
    if (!v.isOk())
        return v.status();
    return v.value().asDateTime();
}

Result<std::int64_t> AssertionParams::duration(std::string_view key) const
{
    Result<CheckValue> v = valueAs(key, CheckValueKind::Duration);
    if (!v.isOk())
        return v.status();
    return v.value().asDuration();
}

Result<std::string> AssertionParams::string(std::string_view key) const
{
    Result<CheckValue> v = valueAs(key, CheckValueKind::String);
    if (!v.isOk())
        return v.status();
    return v.value().asString();
}

Result<bool> AssertionParams::flag(std::string_view key, bool fallback) const
{
    if (!has(key))
        return fallback;
    Result<CheckValue> v = valueAs(key, CheckValueKind::Bool);
    if (!v.isOk())
        return v.status();
    return v.value().asBool();
}

Result<std::vector<std::string>> AssertionParams::stringList(std::string_view key) const
{
    auto it = m_spec.find(key);
    if (it == m_spec.end())
        return Status::invalidInput(quoted(key) + " is required");
    if (!it->is_array()) {
        Result<std::string> one = string(key);
        if (!one.isOk())
            return Status::invalidInput(quoted(key) + ": expected an array of strings");
        return std::vector<std::string>{one.value()};
    }
    std::vector<std::string> items;
    items.reserve(it->size());
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json &item = (*it)[i];
        if (!item.is_string())
            return Status::invalidInput(quoted(key) + ": item " + std::to_string(i) + " is " + describeJson(item)
                                        + ", expected a string");
        items.push_back(item.get<std::string>());
    }
    return items;
}

Result<const Column *> AssertionParams::column(const Table &table, std::string_view key) const
{
    Result<std::string> name = string(key);
    if (!name.isOk())
        return name.status();
    const Column *found = table.find(name.value());
    if (!found)
        return Status::invalidInput(quoted(key) + ": no column '" + name.value() + "' (columns: " + columnList(table)
                                    + ")");
    return found;
}

Result<std::vector<const Column *>> AssertionParams::columns(const Table &table, std::string_view key) const
{
    Result<std::vector<std::string>> names = stringList(key);
    if (!names.isOk())
        return names.status();
    std::vector<const Column *> found;
    for (const std::string &name : names.value()) {
        const Column *column = table.find(name);
        if (!column)
            return Status::invalidInput(quoted(key) + ": no column '" + name + "' (columns: " + columnList(table) + ")");
        found.push_back(column);
    }
    return found;
}

bool parseDurationLiteral(std::string_view text, std::int64_t &nanos)
{
    std::size_t split = 0;
    while (split < text.size() && ((text[split] >= '0' && text[split] <= '9') || text[split] == '.' || text[split] == '-'))
        ++split;
    if (split == 0 || split == text.size())
        return false;
    double amount = 0.0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + split, amount);
    if (ec != std::errc() || end != text.data() + split)
        return false;
    const std::string_view unit = text.substr(split);
    double scale = 0.0;
    if (unit == "ns")
        scale = 1.0;
    else if (unit == "us")
        scale = 1e3;
    else if (unit == "ms")
        scale = 1e6;
    else if (unit == "s")
        scale = 1e9;
    else if (unit == "m")
        scale = 60e9;
    else if (unit == "h")
        scale = 3600e9;
    else if (unit == "d")
        scale = 86400e9;
    else if (unit == "w")
        scale = 7 * 86400e9;
    else
        return false;
    const double value = amount * scale;
    if (!std::isfinite(value) || std::fabs(value) > 9.2e18)
        return false;
    nanos = static_cast<std::int64_t>(std::llround(value));
    return true;
}

} // namespace loupe
