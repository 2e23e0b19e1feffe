#include "app/cli/CsvArguments.h"

#include "app/cli/ArgumentParser.h"
#include "core/data/Table.h"

#include <QStringList>

namespace loupe::cli {

namespace {

QString typeNames()
{
    return QStringLiteral("int64, float64, bool, datetime, string, categorical");
}

Status parseTypeOverride(const QString &text, CsvOptions &options)
{
    const qsizetype equals = text.lastIndexOf(QLatin1Char('='));
    if (equals <= 0 || equals == text.size() - 1)
        return Status::invalidInput(
            QStringLiteral("option --type: '%1' is not COLUMN=TYPE (e.g. --type amount=float64)").arg(text).toStdString());
    const QString column = text.left(equals);
    const QString typeName = text.mid(equals + 1).trimmed().toLower();
    const auto type = columnTypeFromName(typeName.toStdString());
    if (!type)
        return Status::invalidInput(QStringLiteral("option --type: '%1' in '%2' is not a column type; expected one of %3")
                                        .arg(text.mid(equals + 1), text, typeNames())
                                        .toStdString());
    const auto [it, inserted] = options.typeOverrides.emplace(column.toStdString(), *type);
    if (!inserted && it->second != *type)
        return Status::invalidInput(
            QStringLiteral("option --type: column '%1' is given two different types").arg(column).toStdString());
    return Status::ok();
}

} // namespace

void CsvArguments::declare(ArgumentParser &parser, CsvOptionSet set)
{
    parser.addTextOption(QStringLiteral("delimiter"), QStringLiteral("C"),
                         QStringLiteral("field separator: one character or 'tab' (default: sniffed among , ; tab |)"));
    if (set == CsvOptionSet::DelimiterOnly)
        return;
    parser.addFlag(QStringLiteral("skip-bad-rows"),
                   QStringLiteral("drop rows with the wrong number of fields instead of stopping"));
    parser.addTextOption(QStringLiteral("type"), QStringLiteral("COL=TYPE"),
                         QStringLiteral("force a column's type: ") + typeNames())
        .repeatable();
    parser.addIntegerOption(QStringLiteral("categorical-levels"), QStringLiteral("N"),
                            QStringLiteral("text columns with at most N distinct values become categorical "
                                           "(default 0: never)"),
                            0, 1'000'000);
}

std::optional<char> CsvArguments::parseDelimiter(const QString &text)
{
    if (text == QLatin1String("tab") || text == QLatin1String("\\t") || text == QLatin1String("\t"))
        return '\t';
    if (text.size() != 1 || text[0].unicode() > 0x7e || text[0].unicode() < 0x20)
        return std::nullopt;
    const char c = static_cast<char>(text[0].unicode());
    if (c == '"' || c == ' ' || c == '\r' || c == '\n')
        return std::nullopt;
    return c;
}

Result<CsvOptions> CsvArguments::toOptions(const ParsedArguments &arguments)
{
    CsvOptions options;
    if (arguments.isSet(QStringLiteral("delimiter"))) {
        const QString text = arguments.value(QStringLiteral("delimiter"));
        const auto delimiter = parseDelimiter(text);
        if (!delimiter)
            return Status::invalidInput(QStringLiteral("option --delimiter: '%1' is not a delimiter; expected one "
                                                       "printable character other than a quote or space, or 'tab'")
                                            .arg(text)
                                            .toStdString());
        options.delimiter = *delimiter;
    }
    if (arguments.isSet(QStringLiteral("skip-bad-rows")))
        options.badRows = BadRowPolicy::Skip;
    for (const QString &text : arguments.values(QStringLiteral("type")))
        if (Status status = parseTypeOverride(text, options); !status.isOk())
            return status;
    options.categoricalMaxLevels =
        static_cast<std::size_t>(arguments.intValue(QStringLiteral("categorical-levels"), 0));
    return options;
}

Status CsvArguments::checkTypeColumns(const CsvOptions &options, const Table &table, const QString &file)
{
    for (const auto &[column, type] : options.typeOverrides) {
        if (!table.find(column))
            return Status::invalidInput(QStringLiteral("option --type: %1 has no column named '%2'")
                                            .arg(file, QString::fromStdString(column))
                                            .toStdString());
    }
    return Status::ok();
}

} // namespace loupe::cli
