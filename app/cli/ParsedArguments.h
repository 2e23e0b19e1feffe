#pragma once
// The validated result of ArgumentParser::parse: options by their long name, positionals in order.
// Every value here already passed the option's checks (type, range), so the accessors only assert.

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace loupe::cli {

class ParsedArguments {
public:
    // Long option name without dashes, e.g. "rows".
    bool isSet(const QString &name) const { return m_values.contains(name); }
    // The last value given; defaultValue when the option is absent.
    QString value(const QString &name, const QString &defaultValue = {}) const;
    // Every value of a repeatable option, in command-line order.
    QStringList values(const QString &name) const { return m_values.value(name); }
    // requires: the option was declared as an integer (resp. number) option.
    std::int64_t intValue(const QString &name, std::int64_t defaultValue) const;
    double doubleValue(const QString &name, double defaultValue) const;

    const QStringList &positionals() const { return m_positionals; }
    QString positional(int index) const { return m_positionals.value(index); }

    // Used by ArgumentParser while parsing.
    void addValue(const QString &name, const QString &value) { m_values[name].append(value); }
    void addPositional(const QString &value) { m_positionals.append(value); }

private:
    QHash<QString, QStringList> m_values;
    QStringList m_positionals;
};

} // namespace loupe::cli
