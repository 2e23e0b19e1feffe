#pragma once
// Guesses the delimiter of a CSV text among ',' ';' '\t' '|'.
//
// For each candidate, the first records (at most 20, within the first 64 KiB, quotes respected) are split
// and their field counts compared with the first record's. A candidate scores the number of records that
// agree with a first record of more than one field; the best score wins, then the larger field count,
// then the order above. Without any candidate giving more than one field, the answer is ','.

#include <cstddef>
#include <string_view>

namespace loupe {

class CsvSniffer {
public:
    static constexpr std::size_t kSampleBytes = 64 * 1024;
    static constexpr std::size_t kSampleRecords = 20;

    // requires: begin <= text.size(); begin is where the header starts (after any BOM).
    static char sniffDelimiter(std::string_view text, std::size_t begin);
};

} // namespace loupe
