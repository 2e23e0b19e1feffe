#pragma once
// A strict command-line parser for one loupe-cli command.
//
// Every option is declared with its kind (flag, text, integer, number), and integer and number options with
// an inclusive range. parse() rejects, with a message that names the option and the offending value:
// unknown options, a missing value, a value that is not a number, a number out of range, a value given to a
// flag, an option given twice that is not repeatable, a missing required option, a missing or surplus
// positional argument. Accepted forms: --name VALUE, --name=VALUE, -n VALUE, and "--" to end the options.
// A value may start with '-' (so "--rows -5" is reported as out of range, not as a missing value) unless it
// starts with "--", which is read as the next option.

#include "app/cli/ParsedArguments.h"
#include "core/util/Status.h"

#include <QChar>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>
#include <vector>

namespace loupe::cli {

enum class OptionKind { Flag, Text, Integer, Number };
enum class Requirement { Optional, Required };
enum class Repetition { Once, Repeatable };

struct OptionSpec {
    QString longName;  // without dashes: "rows"
    QChar shortName;   // 'n', or null for none
    OptionKind kind = OptionKind::Flag;
    QString valueName; // shown in help: "N", "FILE"
    QString description;
    Requirement requirement = Requirement::Optional;
    Repetition repetition = Repetition::Once;
    // Inclusive ranges: integerMinimum/Maximum for Integer options, minimum/maximum for Number options.
    std::int64_t integerMinimum = std::numeric_limits<std::int64_t>::min();
    std::int64_t integerMaximum = std::numeric_limits<std::int64_t>::max();
    double minimum = -std::numeric_limits<double>::infinity();
    double maximum = std::numeric_limits<double>::infinity();

    // Chainable refinements, used right after the add*Option call that returned this spec.
    OptionSpec &withShortName(QChar name) { shortName = name; return *this; }
    OptionSpec &required() { requirement = Requirement::Required; return *this; }
    OptionSpec &repeatable() { repetition = Repetition::Repeatable; return *this; }
};

struct PositionalSpec {
    QString name; // "FILE"
    QString description;
    Requirement requirement = Requirement::Required;
};

class ArgumentParser {
public:
    // commandLine: what precedes the arguments in usage lines, e.g. "loupe-cli load".
    explicit ArgumentParser(QString commandLine = {});

    // Each returns the new spec; the reference is valid until the next add*Option call.
    OptionSpec &addFlag(const QString &longName, const QString &description);
    OptionSpec &addTextOption(const QString &longName, const QString &valueName, const QString &description);
    OptionSpec &addIntegerOption(const QString &longName, const QString &valueName, const QString &description,
                                 std::int64_t minimum, std::int64_t maximum);
    OptionSpec &addNumberOption(const QString &longName, const QString &valueName, const QString &description,
                                double minimum, double maximum);
    void addPositional(const QString &name, const QString &description,
                       Requirement requirement = Requirement::Required);

    // requires: no option or short name was declared twice.
    Result<ParsedArguments> parse(const QStringList &arguments) const;

    const OptionSpec *findLong(const QString &longName) const;
    const OptionSpec *findShort(QChar shortName) const;
    const std::vector<OptionSpec> &options() const { return m_options; }

    // "Usage: loupe-cli load FILE [options]" followed by the positional and option tables.
    QString helpText() const;
    QString usageLine() const;

private:
    OptionSpec &addOption(OptionSpec spec);
    Status checkValue(const OptionSpec &spec, const QString &typedName, const QString &value) const;
    Status checkComplete(const ParsedArguments &parsed) const;

    QString m_commandLine;
    std::vector<OptionSpec> m_options;
    std::vector<PositionalSpec> m_positionals;
};

// How an option is named in messages: "--rows", or "-n" when the user typed the short form.
QString optionDisplayName(const OptionSpec &spec);

} // namespace loupe::cli
