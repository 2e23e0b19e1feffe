#pragma once
// What PiiScanner::scan returns: the findings (capped), and per column the count of every kind, masked
// examples and whether the column identifies rows (IdentifierDetector).

#include "core/privacy/PiiKind.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

struct PiiFinding {
    std::size_t row = 0;    // 0-based data row, as the Data page numbers them
    std::size_t column = 0; // index in the table
    PiiKind kind = PiiKind::Ssn;
    std::uint32_t offset = 0; // byte range of the value in the cell's text
    std::uint32_t length = 0;
    std::string masked;
};

struct PiiColumnReport {
    std::string name;
    std::size_t index = 0;
    bool scanned = false;                           // false: not selected, or a type that cannot hold PII text
    std::array<std::size_t, kPiiKindCount> counts{}; // findings per kind (PiiKind order)
    std::size_t cellsWithPii = 0;
    std::vector<std::string> examples;               // masked, first rows first
    bool identifier = false;
    std::string identifierReason;                    // e.g. "unique in every row", empty when not an identifier
    double distinctRatio = 0.0;                      // distinct / non-missing (when checked), else 0
    std::string personNameReason;                    // why its cells count as person names; empty when they do not

    std::size_t total() const
    {
        std::size_t sum = 0;
        for (std::size_t count : counts)
            sum += count;
        return sum;
    }
};

struct PiiScanReport {
    std::vector<PiiFinding> findings; // first maxFindings by (row, column, offset)
    std::size_t totalFindings = 0;    // all of them
    std::vector<PiiColumnReport> columns; // one per table column, in table order
    std::size_t rows = 0;
    std::size_t textBytes = 0;        // bytes of text scanned (string cells; categorical labels once)
    int threads = 1;
    double seconds = 0.0;             // the scan alone (no loading), wall clock
    double cpuSeconds = 0.0;          // processor time of the whole process during the scan (all threads)

    std::array<std::size_t, kPiiKindCount> kindTotals() const
    {
        std::array<std::size_t, kPiiKindCount> totals{};
        for (const PiiColumnReport &column : columns)
            for (std::size_t k = 0; k < kPiiKindCount; ++k)
                totals[k] += column.counts[k];
        return totals;
    }
};

} // namespace loupe
