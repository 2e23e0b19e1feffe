#pragma once
// RFC 4180 CSV reader: quoted fields, doubled quotes, embedded newlines, CRLF/LF, UTF-8 BOM,
// delimiter sniffing, type inference with per-column overrides, parallel parsing of a memory-mapped file,
// progress and cancellation. Bad input comes back as a Status whose message names file, line and column
// (1-based, line counted in physical lines of the file), never a crash or a silent fix.
//
// Text rules:
//   - The first record is the header. Names must be non-empty, unique and valid UTF-8.
//   - Records end with "\n" or "\r\n" (the last one may end at the end of the file). Empty lines are
//     skipped when the header has several columns; with one column an empty line is a row with a
//     missing value (as CsvWriter writes it). Empty lines before the header are always skipped.
//     A lone '\r' inside an unquoted field is data.
//   - A quote may only open a field, be doubled inside a quoted field, or close it; anything after a
//     closing quote other than the delimiter or the line end is an error, as is a quote inside an
//     unquoted field.
//   - Every row must have the header's field count (BadRowPolicy::Skip drops and counts the others).
//   - Text stored in the table must be valid UTF-8. The delimiter is sniffed among , ; \t | when
//     CsvOptions::delimiter is 0 (see CsvSniffer.h).
// Types (TypeInference::Infer): a column is the narrowest of int64 < float64, bool, datetime that reads
// every non-missing value (FieldParser.h, DateTimeParser.h; numbers, bools and dates may have spaces
// around them), else string. Missing: the empty field and NA N/A n/a #N/A NaN nan null NULL. A column
// with no value at all is string. String columns with CsvOptions::categoricalMaxLevels > 0 become
// categorical when they have at most that many distinct values and fewer than half the rows (labels
// sorted). typeOverrides force a type (bool then also reads 0/1; categorical takes any text); a value that
// does not read is an error. AllStrings makes every column string with each field's exact text (nothing
// missing) and ignores typeOverrides.
// Errors (StatusCode::InvalidInput unless said otherwise), NAME being the path or displayName:
//   NAME: file is empty | NAME: file has only empty lines | NAME: has a header but no data rows
//   NAME: type override names column 'x', which is not in the header
//   NAME:LINE:COL: unterminated quoted field starting here[ (column 'c')]
//   NAME:LINE:COL: quote character inside an unquoted field (quote the whole field and double the quote)[...]
//   NAME:LINE:COL: unexpected character 'x' after a closing quote[...]
//   NAME:LINE:COL: row has N fields, the header has M[ (column 'c')]
//   NAME:LINE:COL: invalid UTF-8 at byte offset B[ (column 'c')]
//   NAME:LINE:COL: value 'v' is not a valid T (column 'c' is forced to T)
//   NAME:LINE:COL: empty column name in the header | duplicate column name 'x' (first used by column K)
//   IoError: cannot open 'PATH': <reason> | cannot read 'PATH': it is a directory | ...: not a regular file
//   Cancelled: the token was set or the ProgressSink answered Stop.
// With several faults, the first structure or forced-type fault in the file is reported; invalid UTF-8
// only when there is none of those (then the first invalid byte of the file's text columns). The same
// file and options give the same message on any number of threads.
// Sizes: offsets are 64-bit throughout; files above 2 GB and 4 GB are read like any other.

#include "core/data/CsvOptions.h"
#include "core/data/Table.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <string>
#include <string_view>
#include <vector>

namespace loupe {

// A row dropped under BadRowPolicy::Skip: the line it starts on and why ("row has 2 fields, the header has 3
// (column 'c')", in the words of the error the row would have caused).
struct CsvSkippedRow {
    std::size_t line = 0; // 1-based physical line of the file, as in error messages
    std::string reason;
};

struct CsvReadReport {
    Table table;
    std::size_t skippedRows = 0;   // rows dropped under BadRowPolicy::Skip
    std::vector<CsvSkippedRow> skippedSamples; // the first few of them (at most 5), in file order
    char delimiter = ',';
    double seconds = 0.0;
};

class CsvReader {
public:
    explicit CsvReader(CsvOptions options = {});

    // The sink is called from the thread that calls readFile/readBuffer, with stages "reading header",
    // "splitting", "parsing", "reading text columns", "assembling", "done"; Stop cancels.
    void setProgressSink(ProgressSink sink) { m_progress = std::move(sink); }
    // Polled per chunk and every 16384 rows. requires: the token outlives the read.
    void setCancellationToken(const CancellationToken *token) { m_cancel = token; }

    // Maps the file read-only and reads it; see above for errors.
    Result<CsvReadReport> readFile(const std::string &path) const;
    // displayName is used in error messages in place of a path. requires: data outlives the call only.
    Result<CsvReadReport> readBuffer(std::string_view data, const std::string &displayName = "<buffer>") const;

private:
    CsvOptions m_options;
    ProgressSink m_progress;
    const CancellationToken *m_cancel = nullptr;
};

} // namespace loupe
