#pragma once
// Scans a Table for personal data: every selected column in parallel chunks of rows (OpenMP), each cell
// through PiiTextScanner with the column's name hints; then the identifier check per column.
//
//   String columns: every cell's text. Categorical: each label once, counted for every row that has it.
//   Int64: the decimal text, when it could be a card number (12+ digits) or the column is named like an
//   SSN (zero-padded to nine digits) or a phone number. DateTime: every present cell, when the column is
//   named like a birth date. Float64 and Bool columns are not scanned.
//   Person names: a String or Categorical column that PersonNameDetector judges a column of names has each
//   name-shaped cell counted as one person_name finding covering the whole cell (other cells are scanned
//   as text).
//
// Cancellable through the token or the progress sink (Stop); then the result is Status::cancelled().
// The report is the same for any thread count.

#include "core/data/Table.h"
#include "core/privacy/PiiScanReport.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <string>
#include <vector>

namespace loupe {

enum class IdentifierCheck { Run, Skip };

struct PiiScanOptions {
    std::vector<std::string> columns;   // empty: every column
    std::size_t maxFindings = 1000;     // findings listed; all are counted
    std::size_t maxFindingsPerColumn = 0; // also at most this many listed per column (0: no such cap), so a
                                          // column where every cell is a finding cannot crowd out the others
    std::size_t examplesPerColumn = 3;  // masked examples kept per column
    IdentifierCheck identifiers = IdentifierCheck::Run;
    int threads = 0;                    // 0: OpenMP's default
    std::size_t chunkRows = 32768;      // rows per parallel task; requires >= 1
    const CancellationToken *cancellation = nullptr;
    ProgressSink progress;              // called on the calling thread only
};

class PiiScanner {
public:
    // ensures: InvalidInput naming the column when options.columns names one the table lacks.
    static Result<PiiScanReport> scan(const Table &table, const PiiScanOptions &options);
};

} // namespace loupe
