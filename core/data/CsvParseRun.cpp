#include "core/data/CsvParseRun.h"

#include "core/data/CategoricalEncoder.h"
#include "core/data/CsvHeader.h"
#include "core/data/CsvSniffer.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <omp.h>

namespace loupe {

namespace {
constexpr std::size_t kSampleRows = 1000;
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
} // namespace

using State = ColumnBuilder::State;
using BuildMode = ColumnBuilder::Mode;

CsvParseRun::CsvParseRun(std::string_view text, const std::string &displayName, const CsvOptions &options,
                         const ProgressSink &progress, const CancellationToken *cancel)
    : m_text(text), m_displayName(displayName), m_options(options), m_gate(progress, cancel)
{
    m_threads = options.threads > 0 ? options.threads : std::max(1, omp_get_max_threads());
}

Result<CsvReadReport> CsvParseRun::run()
{
    Timer timer;
    if (!m_gate.report(0.0, "reading header"))
        return Status::cancelled();
    if (Status status = readHeader(); !status.isOk())
        return status;
    if (Status status = planColumns(); !status.isOk())
        return status;
    sampleTypes();
    if (Status status = parseChunks(); !status.isOk())
        return status;
    if (Status status = rereadTextColumns(); !status.isOk())
        return status;
    if (m_encodingFault)
        return faultStatus(*m_encodingFault);
    if (!m_gate.report(0.9, "assembling"))
        return Status::cancelled();
    Result<Table> table = assembleTable();
    if (!table.isOk())
        return table.status();
    CsvReadReport out;
    out.table = table.takeValue();
    out.skippedRows = m_skippedRows;
    out.skippedSamples = skippedRowLines();
    out.delimiter = m_delimiter;
    out.seconds = timer.seconds();
    m_gate.report(1.0, "done");
    return out;
}

// The samples' line numbers, counted in one pass over the text up to the last sample (they are in file order).
std::vector<CsvSkippedRow> CsvParseRun::skippedRowLines() const
{
    std::vector<CsvSkippedRow> rows;
    std::size_t line = 1;
    std::size_t counted = 0;
    for (const CsvFault &sample : m_skippedSamples) {
        const std::size_t end = std::min(sample.offset, m_text.size());
        if (end > counted) {
            line += static_cast<std::size_t>(std::count(m_text.begin() + counted, m_text.begin() + end, '\n'));
            counted = end;
        }
        rows.push_back(CsvSkippedRow{line, sample.text});
    }
    return rows;
}

Status CsvParseRun::readHeader()
{
    std::size_t pos = m_text.substr(0, kUtf8Bom.size()) == kUtf8Bom ? kUtf8Bom.size() : 0;
    if (pos == m_text.size())
        return faultStatus(CsvFault::wholeFile("file is empty"));
    const char d = m_options.delimiter;
    if (d == '"' || d == '\n' || d == '\r')
        return Status::invalidInput(m_displayName + ": the delimiter cannot be a quote or a line break");
    m_delimiter = d != 0 ? d : CsvSniffer::sniffDelimiter(m_text, pos);
    m_tokenizer.emplace(m_text, m_delimiter);
    pos = m_tokenizer->skipBlankLines(pos);
    if (pos == m_text.size())
        return faultStatus(CsvFault::wholeFile("file has only empty lines"));
    if (std::optional<CsvFault> fault = CsvHeader::read(*m_tokenizer, pos, m_names))
        return faultStatus(*fault);
    m_dataBegin = m_names.size() > 1 ? m_tokenizer->skipBlankLines(pos) : pos;
    if (m_dataBegin == m_text.size())
        return faultStatus(CsvFault::wholeFile("has a header but no data rows"));
    return Status::ok();
}

Status CsvParseRun::planColumns()
{
    for (const auto &[name, type] : m_options.typeOverrides) {
        if (std::find(m_names.begin(), m_names.end(), name) == m_names.end())
            return faultStatus(CsvFault::wholeFile("type override names column " + CsvFault::quoted(name)
                                                   + ", which is not in the header"));
    }
    m_plan.assign(m_names.size(), ColumnPlan{});
    for (std::size_t j = 0; j < m_names.size(); ++j) {
        ColumnPlan &plan = m_plan[j];
        if (m_options.inference == TypeInference::AllStrings) {
            plan.seed = State::Raw;
            continue;
        }
        const auto forced = m_options.typeOverrides.find(m_names[j]);
        if (forced != m_options.typeOverrides.end()) {
            plan.forced = forced->second;
            plan.seed = ColumnBuilder::stateFor(forced->second);
            plan.mode = BuildMode::Forced;
        }
    }
    return Status::ok();
}

// Reads the first rows once to seed every chunk with the likely column types and size its buffers.
void CsvParseRun::sampleTypes()
{
    std::vector<ColumnBuilder> builders;
    for (const ColumnPlan &plan : m_plan) {
        if (plan.seed == State::Raw || plan.seed == State::String)
            builders.emplace_back(plan.seed, BuildMode::Infer);
        else
            builders.emplace_back(plan.mode == BuildMode::Infer ? State::Empty : State::Ignored, BuildMode::Infer);
    }
    const CsvChunkParser parser(*m_tokenizer, m_names, BadRowPolicy::Skip);
    const CsvChunkResult sample = parser.parse({m_dataBegin, m_text.size()}, std::move(builders), kSampleRows, {});
    const std::size_t records = sample.rows + sample.skippedRows;
    if (records > 0)
        m_recordBytes = std::max(1.0, double(sample.stopOffset - m_dataBegin) / double(records));
    for (std::size_t j = 0; j < m_plan.size(); ++j) {
        const ColumnBuilder &builder = sample.columns[j];
        if (m_plan[j].mode == BuildMode::Infer && m_plan[j].seed != State::Raw)
            m_plan[j].seed = builder.seedState();
        if (sample.rows > 0)
            m_plan[j].textBytesPerRow = builder.chars().size() / sample.rows + 1;
    }
}

std::vector<ColumnBuilder> CsvParseRun::makeBuilders(const CsvChunk &chunk) const
{
    constexpr std::size_t kMaxReservedRows = std::size_t(1) << 20; // builders are reused; they grow if needed
    std::size_t rows = static_cast<std::size_t>(double(chunk.end - chunk.begin) / m_recordBytes * 1.05) + 16;
    rows = std::min(rows, m_maxRows != 0 ? std::min(m_maxRows, kMaxReservedRows) : kMaxReservedRows);
    std::vector<ColumnBuilder> builders;
    builders.reserve(m_plan.size());
    for (const ColumnPlan &plan : m_plan) {
        builders.emplace_back(plan.seed, plan.mode);
        builders.back().reserve(rows, rows * plan.textBytesPerRow);
    }
    return builders;
}

Status CsvParseRun::parseChunks()
{
    if (m_options.maxRows != 0) {
        m_chunks = {{m_dataBegin, m_text.size()}};
        m_maxRows = m_options.maxRows;
    } else {
        const std::size_t chunkBytes = m_options.chunkBytes != 0
                                           ? m_options.chunkBytes
                                           : CsvChunkPlanner::automaticChunkBytes(m_text.size() - m_dataBegin);
        if (!m_gate.report(0.01, "splitting"))
            return Status::cancelled();
        m_chunks = CsvChunkPlanner::plan(m_text, m_dataBegin, chunkBytes, m_threads);
    }
    Check check = parseInOrder();
    if (check.misaligned) {
        // Stray quotes fooled the split: one sequential parse finds the true first fault.
        m_chunks = {{m_dataBegin, m_text.size()}};
        check = parseInOrder();
    }
    return check.status;
}

// Parses the chunks in parallel; each chunk's builders are appended to the column accumulators in file
// order right after the chunk is parsed (OpenMP ordered), then reused for the thread's next chunk.
CsvParseRun::Check CsvParseRun::parseInOrder()
{
    m_accumulators.clear();
    // Reserve for the rows the sample predicts, capped so that a sample of unusually short records
    // cannot ask for absurd amounts of address space; past the cap the vectors simply grow.
    constexpr std::size_t kMaxReservedRows = std::size_t(32) << 20;
    const double dataBytes = double(m_text.size() - m_dataBegin);
    std::size_t expectedRows = static_cast<std::size_t>(dataBytes / m_recordBytes * 1.05) + 16;
    expectedRows = std::min(expectedRows, m_maxRows ? m_maxRows : kMaxReservedRows);
    for (const ColumnPlan &plan : m_plan) {
        m_accumulators.emplace_back(plan.seed);
        const std::size_t textBytes = std::min(expectedRows * plan.textBytesPerRow, kMaxReservedRows * 32);
        m_accumulators.back().reserve(expectedRows, textBytes);
    }
    m_chunkRows.assign(m_chunks.size(), 0);
    m_skippedRows = 0;
    m_skippedSamples.clear();
    m_encodingFault.reset();
    m_gate.startPass();
    Check check;
    const std::size_t totalBytes = m_text.size() - m_dataBegin;
    const CsvChunkParser parser(*m_tokenizer, m_names, m_options.badRows);
    const auto count = static_cast<std::int64_t>(m_chunks.size());
    m_gate.report(0.02, "parsing");
#pragma omp parallel num_threads(m_threads) if (count > 1)
    {
        std::vector<ColumnBuilder> builders; // this thread's, reused from chunk to chunk
#pragma omp for ordered schedule(dynamic, 1)
        for (std::int64_t i = 0; i < count; ++i) {
            const auto k = static_cast<std::size_t>(i);
            CsvChunkResult result;
            try {
                if (builders.size() != m_plan.size())
                    builders = makeBuilders(m_chunks[k]);
                for (std::size_t j = 0; j < m_plan.size(); ++j)
                    builders[j].reset(m_plan[j].seed);
            } catch (const std::exception &error) {
                result.error = error.what();
            }
            if (result.error.empty())
                parseOne(parser, k, std::move(builders), result, totalBytes, 0.02, 0.85, "parsing");
#pragma omp ordered
            takeInOrder(k, result, check);
            builders = std::move(result.columns);
        }
    }
    m_gate.report(0.85, "parsing"); // from the calling thread even when other threads parsed every chunk
    if (check.status.isOk() && !check.misaligned && m_gate.isCancelled())
        check.status = Status::cancelled();
    return check;
}

// Runs in chunk order: the first failure wins; otherwise the chunk's columns join the accumulators.
void CsvParseRun::takeInOrder(std::size_t chunk, CsvChunkResult &result, Check &check)
{
    if (!check.status.isOk() || check.misaligned)
        return;
    if (!result.error.empty())
        check.status = Status::error(StatusCode::Failed, m_displayName + ": " + result.error);
    else if (result.fault)
        check.status = faultStatus(*result.fault);
    else if (result.stopped || m_gate.isCancelled())
        check.status = Status::cancelled();
    else if (m_maxRows == 0 && result.stopOffset != m_chunks[chunk].end)
        check.misaligned = true;
    if (!check.status.isOk() || check.misaligned) {
        m_gate.lastChunkThatMatters(chunk);
        return;
    }
    try {
        for (std::size_t j = 0; j < m_accumulators.size(); ++j)
            m_accumulators[j].append(result.columns[j]);
    } catch (const std::exception &error) {
        check.status = Status::error(StatusCode::Failed, m_displayName + ": " + error.what());
        m_gate.stop();
        return;
    }
    m_chunkRows[chunk] = result.rows;
    m_skippedRows += result.skippedRows;
    for (CsvFault &sample : result.skippedSamples)
        if (m_skippedSamples.size() < CsvChunkParser::kMaxSkippedSamples)
            m_skippedSamples.push_back(std::move(sample));
    if (result.encodingFault && !m_encodingFault)
        m_encodingFault = std::move(result.encodingFault);
}

CsvParseRun::Check CsvParseRun::parseAll(const std::vector<std::size_t> &which, const BuilderFactory &builders,
                                         std::vector<CsvChunkResult> &results, double from, double to,
                                         const char *stage)
{
    results.clear();
    results.resize(m_chunks.size());
    m_gate.startPass();
    std::size_t totalBytes = 0;
    for (std::size_t k : which)
        totalBytes += m_chunks[k].end - m_chunks[k].begin;
    const CsvChunkParser parser(*m_tokenizer, m_names, m_options.badRows);
    const auto count = static_cast<std::int64_t>(which.size());
    m_gate.report(from, stage);
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (std::int64_t i = 0; i < count; ++i) {
        const std::size_t k = which[static_cast<std::size_t>(i)];
        try {
            parseOne(parser, k, builders(k), results[k], totalBytes, from, to, stage);
        } catch (const std::exception &error) {
            results[k].error = error.what();
            m_gate.stop();
        }
    }
    m_gate.report(to, stage);
    Check check;
    for (std::size_t k : which)
        takeFailure(results[k], check);
    if (check.status.isOk() && m_gate.isCancelled())
        check.status = Status::cancelled();
    return check;
}

void CsvParseRun::takeFailure(const CsvChunkResult &result, Check &check) const
{
    if (!check.status.isOk())
        return;
    if (!result.error.empty())
        check.status = Status::error(StatusCode::Failed, m_displayName + ": " + result.error);
    else if (result.fault)
        check.status = faultStatus(*result.fault);
    else if (result.stopped)
        check.status = Status::cancelled();
}

void CsvParseRun::parseOne(const CsvChunkParser &parser, std::size_t chunk, std::vector<ColumnBuilder> builders,
                           CsvChunkResult &result, std::size_t totalBytes, double from, double to, const char *stage)
{
    const bool reportHere = omp_get_thread_num() == 0;
    const double span = to - from;
    std::size_t last = m_chunks[chunk].begin;
    const auto advance = [&](std::size_t offset) {
        const std::size_t end = m_chunks[chunk].end;
        const std::size_t done = m_gate.addBytes(std::min(offset, end) - std::min(last, end));
        last = offset;
        const double fraction = totalBytes ? double(done) / double(totalBytes) : 1.0;
        return m_gate.keepGoing(chunk, reportHere, from + span * fraction, stage);
    };
    if (!m_gate.keepGoing(chunk, false, 0.0, stage)) {
        result.stopped = true;
        result.columns = std::move(builders);
        return;
    }
    try {
        result = parser.parse(m_chunks[chunk], std::move(builders), m_maxRows, advance);
    } catch (const std::exception &error) {
        result.error = error.what();
        m_gate.stop();
    }
    if (result.fault)
        m_gate.lastChunkThatMatters(chunk);
    advance(m_chunks[chunk].end);
}

// Columns whose chunks disagreed (numbers in some, text in others) are read again as text from every
// chunk; so are chunks that dropped a column on a mismatch.
Status CsvParseRun::rereadTextColumns()
{
    std::vector<std::size_t> columns;
    for (std::size_t j = 0; j < m_accumulators.size(); ++j)
        if (m_accumulators[j].kind() == ColumnAccumulator::Kind::NeedsReread)
            columns.push_back(j);
    if (columns.empty())
        return Status::ok();
    const BuilderFactory builders = [&](std::size_t k) {
        std::vector<ColumnBuilder> out(m_names.size(), ColumnBuilder(State::Ignored, BuildMode::Infer));
        for (std::size_t j : columns) {
            out[j] = ColumnBuilder(State::String, BuildMode::Infer);
            out[j].reserve(m_chunkRows[k], m_chunkRows[k] * m_plan[j].textBytesPerRow);
        }
        return out;
    };
    std::vector<std::size_t> all(m_chunks.size());
    std::iota(all.begin(), all.end(), 0);
    std::vector<CsvChunkResult> reread;
    const Check check = parseAll(all, builders, reread, 0.85, 0.9, "reading text columns");
    if (!check.status.isOk())
        return check.status;
    for (std::size_t j : columns) {
        ColumnAccumulator text(State::String);
        for (std::size_t k = 0; k < m_chunks.size(); ++k) {
            assert(reread[k].rows == m_chunkRows[k]);
            text.append(reread[k].columns[j]);
            reread[k].columns[j].release();
        }
        m_accumulators[j] = std::move(text);
    }
    // Every text field has now been checked: keep the first invalid byte of the file.
    for (const CsvChunkResult &result : reread)
        if (result.encodingFault && (!m_encodingFault || result.encodingFault->offset < m_encodingFault->offset))
            m_encodingFault = result.encodingFault;
    return Status::ok();
}

Result<Table> CsvParseRun::assembleTable()
{
    std::vector<Column> columns(m_names.size());
    std::vector<std::string> errors(m_names.size());
    const auto count = static_cast<std::int64_t>(m_names.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (std::int64_t jj = 0; jj < count; ++jj) {
        const auto j = static_cast<std::size_t>(jj);
        try {
            columns[j] = assembleColumn(j);
        } catch (const std::exception &error) {
            errors[j] = error.what();
        }
    }
    for (const std::string &error : errors)
        if (!error.empty())
            return Status::error(StatusCode::Failed, m_displayName + ": " + error);
    Table table;
    for (Column &column : columns)
        table.addColumn(std::move(column));
    return table;
}

Column CsvParseRun::assembleColumn(std::size_t j)
{
    Column column = m_accumulators[j].takeColumn(m_names[j]);
    using Limit = CategoricalEncoder::LevelLimit;
    if (m_plan[j].forced == ColumnType::Categorical)
        return *CategoricalEncoder::encode(column, 0, Limit::Any);
    const bool inferredText = column.type() == ColumnType::String && !m_plan[j].forced && m_plan[j].seed != State::Raw;
    if (inferredText && m_options.categoricalMaxLevels > 0) {
        if (auto categorical = CategoricalEncoder::encode(column, m_options.categoricalMaxLevels,
                                                          Limit::FewerThanHalfTheRows))
            return std::move(*categorical);
    }
    return column;
}

} // namespace loupe
