#include "app/cli/ParsedArguments.h"

#include "app/cli/NumberParsing.h"

namespace loupe::cli {

QString ParsedArguments::value(const QString &name, const QString &defaultValue) const
{
    const auto it = m_values.constFind(name);
    if (it == m_values.constEnd() || it->isEmpty())
        return defaultValue;
    return it->last();
}

std::int64_t ParsedArguments::intValue(const QString &name, std::int64_t defaultValue) const
{
    if (!isSet(name))
        return defaultValue;
    const auto parsed = parseInteger(value(name));
    Q_ASSERT(parsed.has_value());
    return parsed.value_or(defaultValue);
}

double ParsedArguments::doubleValue(const QString &name, double defaultValue) const
{
    if (!isSet(name))
        return defaultValue;
    const auto parsed = parseNumber(value(name));
    Q_ASSERT(parsed.has_value());
    return parsed.value_or(defaultValue);
}

} // namespace loupe::cli
