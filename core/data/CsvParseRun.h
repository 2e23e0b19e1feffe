#pragma once
// One read of one CSV text by CsvReader: header, type sample, parallel chunk parse whose results join
// whole-file column storage in file order (with a check that each chunk ended where the next began),
// re-read of columns whose chunks disagreed on the type, and assembly into a Table. Single use.
//
// Threading: run() is called on the engine's thread; it forks OpenMP threads for the chunks and joins
// them before returning. The ProgressSink is only called from the calling thread (OpenMP thread 0).

#include "core/data/ColumnAccumulator.h"
#include "core/data/ColumnBuilder.h"
#include "core/data/CsvChunkParser.h"
#include "core/data/CsvProgressGate.h"
#include "core/data/CsvReader.h"
#include "core/data/CsvTokenizer.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class CsvParseRun {
public:
    CsvParseRun(std::string_view text, const std::string &displayName, const CsvOptions &options,
                const ProgressSink &progress, const CancellationToken *cancel);

    Result<CsvReadReport> run();

private:
    struct ColumnPlan {
        ColumnBuilder::State seed = ColumnBuilder::State::Empty;
        ColumnBuilder::Mode mode = ColumnBuilder::Mode::Infer;
        std::optional<ColumnType> forced;
        std::size_t textBytesPerRow = 0;
    };

    Status readHeader();
    Status planColumns();
    void sampleTypes();
    std::vector<ColumnBuilder> makeBuilders(const CsvChunk &chunk) const;
    using BuilderFactory = std::function<std::vector<ColumnBuilder>(std::size_t chunk)>;
    struct Check {
        Status status;
        bool misaligned = false; // a chunk's last record did not end where the next chunk starts
    };

    Status parseChunks();
    Check parseInOrder();
    void takeInOrder(std::size_t chunk, CsvChunkResult &result, Check &check);
    Check parseAll(const std::vector<std::size_t> &which, const BuilderFactory &builders,
                   std::vector<CsvChunkResult> &results, double from, double to, const char *stage);
    void takeFailure(const CsvChunkResult &result, Check &check) const;
    void parseOne(const CsvChunkParser &parser, std::size_t chunk, std::vector<ColumnBuilder> builders,
                  CsvChunkResult &result, std::size_t totalBytes, double from, double to, const char *stage);
    Status rereadTextColumns();
    Result<Table> assembleTable();
    Column assembleColumn(std::size_t column);
    Status faultStatus(const CsvFault &fault) const { return fault.toStatus(m_text, m_displayName); }
    std::vector<CsvSkippedRow> skippedRowLines() const;

    std::string_view m_text;
    const std::string &m_displayName;
    const CsvOptions &m_options;
    CsvProgressGate m_gate;
    int m_threads = 1;

    char m_delimiter = ',';
    std::optional<CsvTokenizer> m_tokenizer;
    std::vector<std::string> m_names;
    std::size_t m_dataBegin = 0;
    std::vector<ColumnPlan> m_plan;
    double m_recordBytes = 64.0; // average bytes per record, from the sample

    std::vector<CsvChunk> m_chunks;
    std::size_t m_maxRows = 0; // per-chunk row limit: options.maxRows when parsing one chunk, else 0
    std::vector<ColumnAccumulator> m_accumulators; // one per column, filled in file order
    std::vector<std::size_t> m_chunkRows;          // rows each chunk gave
    std::size_t m_skippedRows = 0;
    std::vector<CsvFault> m_skippedSamples;        // the first rows dropped under Skip, in file order
    std::optional<CsvFault> m_encodingFault;       // the first text that is not UTF-8
};

} // namespace loupe
