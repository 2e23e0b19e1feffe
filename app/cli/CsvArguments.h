#pragma once
// The CSV reading options shared by every command that reads a CSV file (load, head, and later check,
// pii, train): their declaration on a parser and their conversion to core's CsvOptions.
//
//   --delimiter C           one character, or "tab"; default: sniffed among , ; TAB |
//   --skip-bad-rows         drop rows whose field count differs from the header's (default: stop with an error)
//   --type COL=TYPE         force a column's type (int64, float64, bool, datetime, string, categorical); repeatable
//   --categorical-levels N  infer categorical for text columns with at most N distinct values (0 = never)

#include "core/data/CsvOptions.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {
class Table;
}

namespace loupe::cli {

class ArgumentParser;
class ParsedArguments;

enum class CsvOptionSet {
    DelimiterOnly, // --delimiter
    Full,          // --delimiter, --skip-bad-rows, --type, --categorical-levels
};

class CsvArguments {
public:
    static void declare(ArgumentParser &parser, CsvOptionSet set);

    // ensures: on failure the message names the option and the bad value.
    static Result<CsvOptions> toOptions(const ParsedArguments &arguments);

    // Checks that every --type names a column of the file; the message names the file and the column.
    // CsvReader already refuses such an override while reading the header; this is for tables from elsewhere.
    static Status checkTypeColumns(const CsvOptions &options, const Table &table, const QString &file);

    // "," -> ',', "tab" or "\t" -> '\t'; nullopt for anything longer or a character that cannot separate fields.
    static std::optional<char> parseDelimiter(const QString &text);
};

} // namespace loupe::cli
