#pragma once
// Writes a Table as RFC 4180 CSV (comma, LF, quotes only where needed, ISO 8601 datetimes, missing = empty).
// Files are written through OutputFile (a unique temporary file, then renamed), so a killed process never
// leaves a half file at PATH and no directory, device or FIFO is replaced.
// Cells: int64 in decimal; float64 as the shortest text that parses back to the same double ("nan", "inf"
// for non-finite values); bool as true/false; datetime as formatDateTime() gives it ("YYYY-MM-DD" at
// midnight, else "YYYY-MM-DD HH:MM:SS[.fff|.fffffffff]"); categorical as its label. Fields holding a comma,
// quote, CR or LF are quoted with quotes doubled. A present empty string is written "" and so is a missing
// cell of a one-column table (an empty line would be skipped by readers); otherwise missing is empty.
// A table without columns writes nothing.

#include "core/data/Table.h"
#include "core/util/OutputTarget.h"
#include "core/util/Status.h"

#include <ostream>
#include <string>

namespace loupe {

class CsvWriter {
public:
    // ensures: on success the target holds the whole file (or it went to standard output for "-"); on
    // failure the target is untouched, no temporary file is left and the message starts with its label.
    // A new file is created 0600 unless target.access says otherwise.
    static Status writeFile(const Table &table, const OutputTarget &target);
    // The same for a plain path (no parameter to name in messages, owner-only access, no "-").
    static Status writeFile(const Table &table, const std::string &path);
    // Writes in 1 MiB blocks; the caller checks the stream's state.
    static void write(const Table &table, std::ostream &out);
};

} // namespace loupe
