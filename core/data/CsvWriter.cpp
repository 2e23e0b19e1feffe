#include "core/data/CsvWriter.h"

#include "core/data/DateTime.h"
#include "core/util/OutputFile.h"

#include <charconv>
#include <limits>
#include <vector>

namespace loupe {

namespace {

constexpr std::size_t kFlushBytes = 1u << 20;

bool needsQuotes(std::string_view field)
{
    for (char c : field)
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    return false;
}

void appendQuoted(std::string &out, std::string_view field)
{
    if (!needsQuotes(field)) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

// requires: width <= 9 and value < 10^width.
void appendDigits(std::string &out, unsigned value, int width)
{
    char buf[9];
    for (int i = width - 1; i >= 0; --i) {
        buf[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    out.append(buf, static_cast<std::size_t>(width));
}

// The "YYYY-MM-DD" text of the last day a column formatted; sorted timestamps repeat it row after row.
struct DayCache {
    std::int64_t day = std::numeric_limits<std::int64_t>::min();
    char text[10] = {};
};

// Same text as formatDateTime(), without snprintf on the common path (years 0..9999).
void appendDateTime(std::string &out, std::int64_t nanos, DayCache &cache)
{
    std::int64_t days = nanos / kNanosPerDay;
    std::int64_t rest = nanos % kNanosPerDay;
    if (rest < 0) {
        rest += kNanosPerDay;
        --days;
    }
    if (days != cache.day) {
        int year;
        unsigned month, day;
        civilFromDays(days, year, month, day);
        if (year < 0 || year > 9999) {
            out += formatDateTime(nanos);
            return;
        }
        std::string text;
        appendDigits(text, static_cast<unsigned>(year), 4);
        text.push_back('-');
        appendDigits(text, month, 2);
        text.push_back('-');
        appendDigits(text, day, 2);
        std::copy(text.begin(), text.end(), cache.text);
        cache.day = days;
    }
    out.append(cache.text, sizeof cache.text);
    if (rest == 0)
        return;
    const auto seconds = static_cast<unsigned>(rest / kNanosPerSecond);
    const auto fraction = static_cast<unsigned>(rest % kNanosPerSecond);
    out.push_back(' ');
    appendDigits(out, seconds / 3600, 2);
    out.push_back(':');
    appendDigits(out, seconds / 60 % 60, 2);
    out.push_back(':');
    appendDigits(out, seconds % 60, 2);
    if (fraction == 0)
        return;
    out.push_back('.');
    if (fraction % 1'000'000 == 0)
        appendDigits(out, fraction / 1'000'000, 3);
    else
        appendDigits(out, fraction, 9);
}

void appendCell(std::string &out, const Column &column, std::size_t row, DayCache &cache, bool onlyColumn)
{
    if (!column.isValid(row)) {
        // Missing is an empty field; alone on its line it is written "" so readers do not skip the line.
        if (onlyColumn)
            out.append("\"\"");
        return;
    }
    char buf[32];
    switch (column.type()) {
    case ColumnType::Int64: {
        const auto result = std::to_chars(buf, buf + sizeof buf, column.intAt(row));
        out.append(buf, result.ptr);
        break;
    }
    case ColumnType::Float64: {
        // Shortest text that parses back to the same double.
        const auto result = std::to_chars(buf, buf + sizeof buf, column.doubleAt(row));
        out.append(buf, result.ptr);
        break;
    }
    case ColumnType::Bool:
        out.append(column.intAt(row) ? "true" : "false");
        break;
    case ColumnType::DateTime:
        appendDateTime(out, column.intAt(row), cache);
        break;
    case ColumnType::Categorical:
        appendQuoted(out, column.categoryAt(row));
        break;
    case ColumnType::String: {
        const std::string_view text = column.stringAt(row);
        if (text.empty())
            out.append("\"\""); // a present empty string, distinct from a missing value
        else
            appendQuoted(out, text);
        break;
    }
    }
}

} // namespace

void CsvWriter::write(const Table &table, std::ostream &out)
{
    std::string buffer;
    buffer.reserve(kFlushBytes + 4096);
    const std::size_t columns = table.columnCount();
    if (columns == 0)
        return;
    for (std::size_t c = 0; c < columns; ++c) {
        if (c)
            buffer.push_back(',');
        appendQuoted(buffer, table.column(c).name());
    }
    buffer.push_back('\n');
    const std::size_t rows = table.rowCount();
    std::vector<DayCache> dayCaches(columns);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t c = 0; c < columns; ++c) {
            if (c)
                buffer.push_back(',');
            appendCell(buffer, table.column(c), r, dayCaches[c], columns == 1);
        }
        buffer.push_back('\n');
        if (buffer.size() >= kFlushBytes) {
            out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            buffer.clear();
        }
    }
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

Status CsvWriter::writeFile(const Table &table, const OutputTarget &target)
{
    OutputFile file(target);
    if (Status opened = file.open(); !opened.isOk())
        return opened;
    write(table, file.stream());
    return file.commit();
}

Status CsvWriter::writeFile(const Table &table, const std::string &path)
{
    return writeFile(table, OutputTarget{.parameter = {}, .path = path});
}

} // namespace loupe
