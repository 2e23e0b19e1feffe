#pragma once
// A finished CSV load as DatasetRecorder stores it in a 'load' run: the file, how the reader was asked
// to read it and what the read reported besides the table. The GUI's LoadCsvJob and every loupe-cli
// command that loads a file fill the same fields, so the same load stores the same run.

#include "core/data/CsvOptions.h"

#include <QString>

#include <cstddef>

namespace loupe {

struct CsvLoad {
    QString path;                // the file as given; stored as its absolute path
    CsvOptions options;          // what the reader was asked to do
    std::size_t skippedRows = 0; // rows dropped under BadRowPolicy::Skip
    char delimiter = ',';        // the delimiter used (given or sniffed)
    double seconds = 0.0;        // the parse alone
};

} // namespace loupe
