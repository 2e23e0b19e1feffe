#pragma once
// Writes a Table as RFC 4180 CSV (comma, LF, quotes only where needed, ISO 8601 datetimes, missing = empty).
// The file is written to PATH.tmp and renamed, so a killed process never leaves a half file at PATH.
// Cells: int64 in decimal; float64 as the shortest text that parses back to the same double ("nan", "inf"
// for non-finite values); bool as true/false; datetime as formatDateTime() gives it ("YYYY-MM-DD" at
// midnight, else "YYYY-MM-DD HH:MM:SS[.fff|.fffffffff]"); categorical as its label. Fields holding a comma,
// quote, CR or LF are quoted with quotes doubled. A present empty string is written "" and so is a missing
// cell of a one-column table (an empty line would be skipped by readers); otherwise missing is empty.
// A table without columns writes nothing.

#include "core/data/Table.h"
#include "core/util/Status.h"

#include <ostream>
#include <string>

namespace loupe {

class CsvWriter {
public:
    // ensures: on success PATH holds the whole file; on failure PATH is untouched, PATH.tmp is removed and
    // the IoError message names the path.
    static Status writeFile(const Table &table, const std::string &path);
    // Writes in 1 MiB blocks; the caller checks the stream's state.
    static void write(const Table &table, std::ostream &out);
};

} // namespace loupe
