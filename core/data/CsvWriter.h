#pragma once
// Writes a Table as RFC 4180 CSV (comma, LF, quotes only where needed, ISO 8601 datetimes, missing = empty).
// The file is written to PATH.tmp and renamed, so a killed process never leaves a half file at PATH.

#include "core/data/Table.h"
#include "core/util/Status.h"

#include <ostream>
#include <string>

namespace loupe {

class CsvWriter {
public:
    static Status writeFile(const Table &table, const std::string &path);
    static void write(const Table &table, std::ostream &out);
};

} // namespace loupe
