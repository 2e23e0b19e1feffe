#pragma once
// Parses the records of one chunk into one ColumnBuilder per column, applying the bad-row policy.
// A structure or forced-type fault stops the chunk; invalid UTF-8 is only noted (encodingFault), because
// which text fields get checked during the first pass depends on the split, while CsvReader reports
// the first invalid byte of all text columns, whatever the split.
// Empty lines are skipped when there are several columns (they cannot be rows there); with a single
// column an empty line is a row whose value is missing, so a one-column table with missing values
// survives a write/read round trip.
// Records that start before the chunk's end are parsed to their own end, even past the chunk's end;
// stopOffset then tells where parsing really stopped, so CsvReader can check the chunk split.

#include "core/data/ColumnBuilder.h"
#include "core/data/CsvChunkPlanner.h"
#include "core/data/CsvFault.h"
#include "core/data/CsvOptions.h"
#include "core/data/CsvTokenizer.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct CsvChunkResult {
    std::vector<ColumnBuilder> columns;
    std::size_t rows = 0;
    std::size_t skippedRows = 0;
    std::vector<CsvFault> skippedSamples; // the first kMaxSkippedSamples rows dropped under Skip, at their start
    std::size_t stopOffset = 0;      // offset after the last record read (blank lines skipped)
    std::optional<CsvFault> fault;   // the first structure or forced-type fault; parsing stopped there
    std::optional<CsvFault> encodingFault; // the first text that is not UTF-8; parsing went on
    bool stopped = false;            // the tick callback asked to stop (cancel, or a fault elsewhere)
    std::string error;               // set by the caller when parsing threw (out of memory)
};

class CsvChunkParser {
public:
    // Called every kTickRows rows with the current offset; returning false stops the parse.
    using Tick = std::function<bool(std::size_t offset)>;
    static constexpr std::size_t kTickRows = 16384;
    static constexpr std::size_t kMaxSkippedSamples = 5;

    // requires: tokenizer and names outlive the parser; names are the header's columns.
    CsvChunkParser(const CsvTokenizer &tokenizer, const std::vector<std::string> &names, BadRowPolicy policy);

    // Parses records starting in [chunk.begin, chunk.end), at most maxRows (0 = no limit).
    // requires: builders.size() == names.size().
    CsvChunkResult parse(CsvChunk chunk, std::vector<ColumnBuilder> builders, std::size_t maxRows,
                         const Tick &tick) const;

private:
    bool storeRecord(const CsvRecord &record, CsvChunkResult &result, std::string &scratch) const;
    CsvFault tokenizerFault(const CsvTokenizer::Fault &fault) const;

    const CsvTokenizer &m_tokenizer;
    const std::vector<std::string> &m_names;
    BadRowPolicy m_policy;
    bool m_skipBlankLines;
};

} // namespace loupe
