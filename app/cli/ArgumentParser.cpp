#include "app/cli/ArgumentParser.h"

#include "app/cli/CliText.h"
#include "app/cli/NumberParsing.h"

#include <algorithm>
#include <cmath>

namespace loupe::cli {

namespace {

QString typedName(const QString &token)
{
    const qsizetype equals = token.indexOf(QLatin1Char('='));
    return equals < 0 ? token : token.left(equals);
}

QString integerRange(const OptionSpec &spec)
{
    constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
    constexpr auto highest = std::numeric_limits<std::int64_t>::max();
    if (spec.integerMinimum != lowest && spec.integerMaximum != highest)
        return QStringLiteral("an integer from %1 to %2").arg(spec.integerMinimum).arg(spec.integerMaximum);
    if (spec.integerMinimum != lowest)
        return QStringLiteral("an integer >= %1").arg(spec.integerMinimum);
    if (spec.integerMaximum != highest)
        return QStringLiteral("an integer <= %1").arg(spec.integerMaximum);
    return QStringLiteral("an integer");
}

QString numberRange(const OptionSpec &spec)
{
    const bool hasMin = std::isfinite(spec.minimum);
    const bool hasMax = std::isfinite(spec.maximum);
    if (hasMin && hasMax)
        return QStringLiteral("a number from %1 to %2").arg(spec.minimum).arg(spec.maximum);
    if (hasMin)
        return QStringLiteral("a number >= %1").arg(spec.minimum);
    if (hasMax)
        return QStringLiteral("a number <= %1").arg(spec.maximum);
    return QStringLiteral("a number");
}

} // namespace

QString optionDisplayName(const OptionSpec &spec)
{
    return QStringLiteral("--") + spec.longName;
}

ArgumentParser::ArgumentParser(QString commandLine) : m_commandLine(std::move(commandLine)) {}

OptionSpec &ArgumentParser::addOption(OptionSpec spec)
{
    Q_ASSERT_X(!findLong(spec.longName), "ArgumentParser", "option declared twice");
    m_options.push_back(std::move(spec));
    return m_options.back();
}

OptionSpec &ArgumentParser::addFlag(const QString &longName, const QString &description)
{
    OptionSpec spec;
    spec.longName = longName;
    spec.kind = OptionKind::Flag;
    spec.description = description;
    return addOption(std::move(spec));
}

OptionSpec &ArgumentParser::addTextOption(const QString &longName, const QString &valueName,
                                          const QString &description)
{
    OptionSpec spec;
    spec.longName = longName;
    spec.kind = OptionKind::Text;
    spec.valueName = valueName;
    spec.description = description;
    return addOption(std::move(spec));
}

OptionSpec &ArgumentParser::addIntegerOption(const QString &longName, const QString &valueName,
                                             const QString &description, std::int64_t minimum,
                                             std::int64_t maximum)
{
    OptionSpec spec;
    spec.longName = longName;
    spec.kind = OptionKind::Integer;
    spec.valueName = valueName;
    spec.description = description;
    spec.integerMinimum = minimum;
    spec.integerMaximum = maximum;
    return addOption(std::move(spec));
}

OptionSpec &ArgumentParser::addNumberOption(const QString &longName, const QString &valueName,
                                            const QString &description, double minimum, double maximum)
{
    OptionSpec spec;
    spec.longName = longName;
    spec.kind = OptionKind::Number;
    spec.valueName = valueName;
    spec.description = description;
    spec.minimum = minimum;
    spec.maximum = maximum;
    return addOption(std::move(spec));
}

void ArgumentParser::addPositional(const QString &name, const QString &description, Requirement requirement)
{
    Q_ASSERT_X(m_positionals.empty() || m_positionals.back().requirement == Requirement::Required
                   || requirement == Requirement::Optional,
               "ArgumentParser", "a required positional cannot follow an optional one");
    m_positionals.push_back(PositionalSpec{name, description, requirement});
}

const OptionSpec *ArgumentParser::findLong(const QString &longName) const
{
    const auto it = std::find_if(m_options.begin(), m_options.end(),
                                 [&](const OptionSpec &spec) { return spec.longName == longName; });
    return it == m_options.end() ? nullptr : &*it;
}

const OptionSpec *ArgumentParser::findShort(QChar shortName) const
{
    if (shortName.isNull())
        return nullptr;
    const auto it = std::find_if(m_options.begin(), m_options.end(),
                                 [&](const OptionSpec &spec) { return spec.shortName == shortName; });
    return it == m_options.end() ? nullptr : &*it;
}

Status ArgumentParser::checkValue(const OptionSpec &spec, const QString &typed, const QString &value) const
{
    if (spec.kind == OptionKind::Integer) {
        const auto number = parseInteger(value);
        if (!number)
            return usageError(QStringLiteral("option %1: '%2' is not an integer").arg(typed, value));
        if (*number < spec.integerMinimum || *number > spec.integerMaximum)
            return usageError(QStringLiteral("option %1: %2 is out of range; expected %3")
                                  .arg(typed, value, integerRange(spec)));
    } else if (spec.kind == OptionKind::Number) {
        const auto number = parseNumber(value);
        if (!number)
            return usageError(QStringLiteral("option %1: '%2' is not a number").arg(typed, value));
        if (*number < spec.minimum || *number > spec.maximum)
            return usageError(QStringLiteral("option %1: %2 is out of range; expected %3")
                                  .arg(typed, value, numberRange(spec)));
    }
    return Status::ok();
}

Status ArgumentParser::checkComplete(const ParsedArguments &parsed) const
{
    const auto given = static_cast<std::size_t>(parsed.positionals().size());
    if (given > m_positionals.size())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parsed.positional(int(m_positionals.size()))));
    for (std::size_t i = given; i < m_positionals.size(); ++i)
        if (m_positionals[i].requirement == Requirement::Required)
            return usageError(QStringLiteral("missing argument %1").arg(m_positionals[i].name));
    for (const OptionSpec &spec : m_options)
        if (spec.requirement == Requirement::Required && !parsed.isSet(spec.longName))
            return usageError(QStringLiteral("option %1 %2 is required").arg(optionDisplayName(spec), spec.valueName));
    return Status::ok();
}

Result<ParsedArguments> ArgumentParser::parse(const QStringList &arguments) const
{
    ParsedArguments parsed;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &token = arguments[i];
        if (optionsEnded || token == QLatin1String("-") || !token.startsWith(QLatin1Char('-'))) {
            parsed.addPositional(token);
            continue;
        }
        if (token == QLatin1String("--")) {
            optionsEnded = true;
            continue;
        }
        const QString typed = typedName(token);
        const bool isLong = typed.startsWith(QLatin1String("--"));
        const OptionSpec *spec = isLong ? findLong(typed.mid(2)) : (typed.size() == 2 ? findShort(typed[1]) : nullptr);
        if (!spec)
            return usageError(QStringLiteral("unknown option '%1'").arg(typed));
        const bool hasInlineValue = typed.size() < token.size();
        QString value = hasInlineValue ? token.mid(typed.size() + 1) : QString();
        if (spec->kind == OptionKind::Flag) {
            if (hasInlineValue)
                return usageError(QStringLiteral("option %1 takes no value (got '%2')").arg(typed, value));
        } else if (!hasInlineValue) {
            if (i + 1 >= arguments.size() || arguments[i + 1].startsWith(QLatin1String("--")))
                return usageError(QStringLiteral("option %1 needs a value (%2)").arg(typed, spec->valueName));
            value = arguments[++i];
        }
        if (Status status = checkValue(*spec, typed, value); !status.isOk())
            return status;
        if (spec->repetition == Repetition::Once && parsed.isSet(spec->longName))
            return usageError(QStringLiteral("option %1 was given more than once").arg(typed));
        parsed.addValue(spec->longName, value);
    }
    if (Status status = checkComplete(parsed); !status.isOk())
        return status;
    return parsed;
}

QString ArgumentParser::usageLine() const
{
    QString line = QStringLiteral("Usage: ") + m_commandLine;
    for (const OptionSpec &spec : m_options)
        if (spec.requirement == Requirement::Required)
            line += QStringLiteral(" %1 %2").arg(optionDisplayName(spec), spec.valueName);
    for (const PositionalSpec &positional : m_positionals)
        line += positional.requirement == Requirement::Required ? QStringLiteral(" ") + positional.name
                                                                : QStringLiteral(" [%1]").arg(positional.name);
    return line + QStringLiteral(" [options]");
}

QString ArgumentParser::helpText() const
{
    QString text = usageLine() + QLatin1Char('\n');
    auto row = [&text](const QString &left, const QString &right) {
        text += QStringLiteral("  %1  %2\n").arg(left, -26).arg(right);
    };
    if (!m_positionals.empty()) {
        text += QStringLiteral("\nArguments:\n");
        for (const PositionalSpec &positional : m_positionals)
            row(positional.name, positional.description);
    }
    text += QStringLiteral("\nOptions:\n");
    for (const OptionSpec &spec : m_options) {
        QString left = spec.shortName.isNull() ? QStringLiteral("    ") : QStringLiteral("-%1, ").arg(spec.shortName);
        left += optionDisplayName(spec);
        if (spec.kind != OptionKind::Flag)
            left += QLatin1Char(' ') + spec.valueName;
        QString right = spec.description;
        if (spec.repetition == Repetition::Repeatable)
            right += QStringLiteral(" (repeatable)");
        row(left, right);
    }
    return text;
}

} // namespace loupe::cli
