#pragma once
// Helpers shared by the CSV reader tests: read a byte string, and print a table compactly so that a
// whole expected table fits in one string of a _data() row.

#include "core/data/CsvReader.h"

#include <QByteArray>
#include <QString>

#include <string>
#include <string_view>

namespace loupe::test {

inline Result<CsvReadReport> readCsv(const QByteArray &bytes, const CsvOptions &options = {},
                                     const std::string &name = "t.csv")
{
    return CsvReader(options).readBuffer(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                         name);
}

inline CsvOptions allStrings()
{
    CsvOptions options;
    options.inference = TypeInference::AllStrings;
    return options;
}

// "name|name\ncell|cell\n..." with missing cells as <NA> and \n, \r, | shown escaped.
inline QString dumpTable(const Table &table)
{
    const auto escaped = [](const std::string &text) {
        std::string out;
        for (char c : text) {
            if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else if (c == '|')
                out += "\\|";
            else
                out += c;
        }
        return QString::fromStdString(out);
    };
    QString out;
    for (std::size_t j = 0; j < table.columnCount(); ++j)
        out += (j ? "|" : "") + escaped(table.column(j).name());
    for (std::size_t i = 0; i < table.rowCount(); ++i) {
        out += "\n";
        for (std::size_t j = 0; j < table.columnCount(); ++j) {
            const Column &column = table.column(j);
            out += (j ? "|" : "") + (column.isValid(i) ? escaped(column.displayAt(i)) : QString("<NA>"));
        }
    }
    return out;
}

// "int64,string,..." — the column types in order.
inline QString dumpTypes(const Table &table)
{
    QString out;
    for (std::size_t j = 0; j < table.columnCount(); ++j)
        out += (j ? "," : "") + QString::fromLatin1(std::string(columnTypeName(table.column(j).type())).c_str());
    return out;
}

} // namespace loupe::test
