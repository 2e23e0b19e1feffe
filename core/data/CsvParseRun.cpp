#include "core/data/CsvParseRun.h"

#include "core/data/CsvColumnAssembler.h"
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
constexpr std::size_t kNoChunk = static_cast<std::size_t>(-1);
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
} // namespace

using State = ColumnBuilder::State;
using Mode = ColumnBuilder::Mode;

CsvParseRun::CsvParseRun(std::string_view text, const std::string &displayName, const CsvOptions &options,
                         const ProgressSink &progress, const CancellationToken *cancel)
    : m_text(text), m_displayName(displayName), m_options(options), m_progress(progress), m_cancel(cancel)
{
    m_threads = options.threads > 0 ? options.threads : std::max(1, omp_get_max_threads());
}

Result<CsvReadReport> CsvParseRun::run()
{
    Timer timer;
    if (!report(0.0, "reading header"))
        return Status::cancelled();
    if (Status status = readHeader(); !status.isOk())
        return status;
    if (Status status = planColumns(); !status.isOk())
        return status;
    sampleTypes();
    if (Status status = parseChunks(); !status.isOk())
        return status;
    std::vector<ColumnType> types = finalTypes();
    if (Status status = rereadTextColumns(types); !status.isOk())
        return status;
    if (Status status = firstEncodingFault(); !status.isOk())
        return status;
    if (!report(0.9, "assembling"))
        return Status::cancelled();
    Result<Table> table = assembleTable(types);
    if (!table.isOk())
        return table.status();
    CsvReadReport out;
    out.table = table.takeValue();
    for (const CsvChunkResult &result : m_results)
        out.skippedRows += result.skippedRows;
    out.delimiter = m_delimiter;
    out.seconds = timer.seconds();
    report(1.0, "done");
    return out;
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
            plan.mode = Mode::Forced;
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
            builders.emplace_back(plan.seed, Mode::Infer);
        else
            builders.emplace_back(plan.mode == Mode::Infer ? State::Empty : State::Ignored, Mode::Infer);
    }
    const CsvChunkParser parser(*m_tokenizer, m_names, BadRowPolicy::Skip);
    const CsvChunkResult sample = parser.parse({m_dataBegin, m_text.size()}, std::move(builders), kSampleRows, {});
    const std::size_t records = sample.rows + sample.skippedRows;
    if (records > 0)
        m_recordBytes = std::max(1.0, double(sample.stopOffset - m_dataBegin) / double(records));
    for (std::size_t j = 0; j < m_plan.size(); ++j) {
        const ColumnBuilder &builder = sample.columns[j];
        if (m_plan[j].mode == Mode::Infer && m_plan[j].seed != State::Raw)
            m_plan[j].seed = builder.seedState();
        if (sample.rows > 0)
            m_plan[j].textBytesPerRow = builder.chars().size() / sample.rows + 1;
    }
}

std::vector<ColumnBuilder> CsvParseRun::makeBuilders(const CsvChunk &chunk) const
{
    std::size_t rows = static_cast<std::size_t>(double(chunk.end - chunk.begin) / m_recordBytes * 1.05) + 16;
    if (m_maxRows != 0)
        rows = std::min(rows, m_maxRows);
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
        if (!report(0.01, "splitting"))
            return Status::cancelled();
        m_chunks = CsvChunkPlanner::plan(m_text, m_dataBegin, chunkBytes, m_threads);
    }
    std::vector<std::size_t> all(m_chunks.size());
    std::iota(all.begin(), all.end(), 0);
    const BuilderFactory builders = [this](std::size_t k) { return makeBuilders(m_chunks[k]); };
    Check check = parseAll(all, builders, m_results, 0.02, 0.85, "parsing");
    if (check.misaligned) {
        // Stray quotes fooled the split: one sequential parse finds the true first fault.
        m_chunks = {{m_dataBegin, m_text.size()}};
        check = parseAll({0}, builders, m_results, 0.02, 0.85, "parsing");
    }
    return check.status;
}

CsvParseRun::Check CsvParseRun::parseAll(const std::vector<std::size_t> &which, const BuilderFactory &builders,
                                         std::vector<CsvChunkResult> &results, double from, double to,
                                         const char *stage)
{
    results.clear();
    results.resize(m_chunks.size());
    m_bytesDone = 0;
    m_firstFaultChunk = kNoChunk;
    std::size_t totalBytes = 0;
    for (std::size_t k : which)
        totalBytes += m_chunks[k].end - m_chunks[k].begin;
    const CsvChunkParser parser(*m_tokenizer, m_names, m_options.badRows);
    const auto count = static_cast<std::int64_t>(which.size());
    report(from, stage);
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (std::int64_t i = 0; i < count; ++i) {
        const std::size_t k = which[static_cast<std::size_t>(i)];
        parseOne(parser, k, builders, results[k], totalBytes, from, to, stage);
    }
    report(to, stage); // from the calling thread even when other threads parsed every chunk
    return firstFailure(which, results);
}

void CsvParseRun::parseOne(const CsvChunkParser &parser, std::size_t chunk, const BuilderFactory &builders,
                           CsvChunkResult &result, std::size_t totalBytes, double from, double to, const char *stage)
{
    const bool reportHere = omp_get_thread_num() == 0;
    const double span = to - from;
    std::size_t last = m_chunks[chunk].begin;
    const auto advance = [&](std::size_t offset) {
        m_bytesDone += std::min(offset, m_chunks[chunk].end) - std::min(last, m_chunks[chunk].end);
        last = offset;
        const double fraction = totalBytes ? double(m_bytesDone.load()) / double(totalBytes) : 1.0;
        return keepGoing(chunk, reportHere, from + span * fraction, stage);
    };
    if (!keepGoing(chunk, false, 0.0, stage)) {
        result.stopped = true;
        return;
    }
    try {
        result = parser.parse(m_chunks[chunk], builders(chunk), m_maxRows, advance);
    } catch (const std::exception &error) {
        result.error = error.what();
        m_stop = true;
    }
    if (result.fault) {
        std::size_t current = m_firstFaultChunk.load();
        while (chunk < current && !m_firstFaultChunk.compare_exchange_weak(current, chunk)) {
        }
    }
    advance(m_chunks[chunk].end);
}

CsvParseRun::Check CsvParseRun::firstFailure(const std::vector<std::size_t> &which,
                                             const std::vector<CsvChunkResult> &results) const
{
    for (std::size_t k : which) {
        const CsvChunkResult &result = results[k];
        if (!result.error.empty())
            return {Status::error(StatusCode::Failed, m_displayName + ": " + result.error), false};
        if (result.fault)
            return {faultStatus(*result.fault), false};
        if (result.stopped || m_cancelled)
            return {Status::cancelled(), false};
        if (m_maxRows == 0 && result.stopOffset != m_chunks[k].end)
            return {Status::ok(), true};
    }
    return {m_cancelled ? Status::cancelled() : Status::ok(), false};
}

bool CsvParseRun::keepGoing(std::size_t chunk, bool reportHere, double fraction, const char *stage)
{
    if (m_cancel && m_cancel->isCancelled()) {
        m_cancelled = true;
        m_stop = true;
    }
    if (reportHere && !m_stop)
        report(fraction, stage);
    return !m_stop && chunk <= m_firstFaultChunk.load();
}

bool CsvParseRun::report(double fraction, const char *stage)
{
    if (m_cancel && m_cancel->isCancelled()) {
        m_cancelled = true;
        m_stop = true;
    }
    if (!m_stop && m_progress && m_progress(Progress{std::min(1.0, fraction), stage}) == ProgressAction::Stop) {
        m_cancelled = true;
        m_stop = true;
    }
    return !m_stop;
}

std::vector<ColumnType> CsvParseRun::finalTypes() const
{
    std::vector<ColumnType> types(m_names.size(), ColumnType::String);
    for (std::size_t j = 0; j < m_names.size(); ++j) {
        if (m_plan[j].forced) {
            types[j] = *m_plan[j].forced;
        } else if (m_plan[j].seed != State::Raw) {
            std::vector<const ColumnBuilder *> parts;
            for (const CsvChunkResult &result : m_results)
                parts.push_back(&result.columns[j]);
            types[j] = CsvColumnAssembler::joinedType(parts);
        }
    }
    return types;
}

// Columns that ended as String although some chunks read them as numbers (or dropped them on a
// mismatch) are read again as text, only in those chunks.
Status CsvParseRun::rereadTextColumns(std::vector<ColumnType> &types)
{
    std::vector<std::vector<std::size_t>> need(m_chunks.size());
    std::vector<std::size_t> which;
    for (std::size_t k = 0; k < m_chunks.size(); ++k) {
        for (std::size_t j = 0; j < m_names.size(); ++j) {
            const bool inferredText = !m_plan[j].forced && types[j] == ColumnType::String;
            if (inferredText && !CsvColumnAssembler::canAssemble(m_results[k].columns[j].state(), ColumnType::String))
                need[k].push_back(j);
        }
        if (!need[k].empty())
            which.push_back(k);
    }
    if (which.empty())
        return Status::ok();
    const BuilderFactory builders = [&](std::size_t k) {
        std::vector<ColumnBuilder> out(m_names.size(), ColumnBuilder(State::Ignored, Mode::Infer));
        for (std::size_t j : need[k]) {
            out[j] = ColumnBuilder(State::String, Mode::Infer);
            out[j].reserve(m_results[k].rows, m_results[k].rows * m_plan[j].textBytesPerRow);
        }
        return out;
    };
    std::vector<CsvChunkResult> reread;
    const Check check = parseAll(which, builders, reread, 0.85, 0.9, "reading text columns");
    if (!check.status.isOk())
        return check.status;
    for (std::size_t k : which) {
        assert(reread[k].rows == m_results[k].rows);
        for (std::size_t j : need[k])
            m_results[k].columns[j] = std::move(reread[k].columns[j]);
        if (reread[k].encodingFault
            && (!m_results[k].encodingFault || reread[k].encodingFault->offset < m_results[k].encodingFault->offset))
            m_results[k].encodingFault = std::move(reread[k].encodingFault);
    }
    return Status::ok();
}

// The first byte that is not UTF-8 in any text column (every text field has been checked by now,
// either in the first pass or in the re-read), so the answer does not depend on the split.
Status CsvParseRun::firstEncodingFault() const
{
    for (const CsvChunkResult &result : m_results)
        if (result.encodingFault)
            return faultStatus(*result.encodingFault);
    return Status::ok();
}

Result<Table> CsvParseRun::assembleTable(const std::vector<ColumnType> &types)
{
    std::vector<Column> columns(m_names.size());
    std::vector<std::string> errors(m_names.size());
    const auto count = static_cast<std::int64_t>(m_names.size());
#pragma omp parallel for schedule(dynamic, 1) num_threads(m_threads) if (count > 1)
    for (std::int64_t jj = 0; jj < count; ++jj) {
        const auto j = static_cast<std::size_t>(jj);
        try {
            columns[j] = assembleColumn(j, types[j]);
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

Column CsvParseRun::assembleColumn(std::size_t j, ColumnType type)
{
    std::vector<ColumnBuilder *> parts;
    for (CsvChunkResult &result : m_results)
        parts.push_back(&result.columns[j]);
    const ColumnType storage = type == ColumnType::Categorical ? ColumnType::String : type;
    Column column = CsvColumnAssembler::assemble(m_names[j], storage, parts);
    using Limit = CsvColumnAssembler::LevelLimit;
    if (type == ColumnType::Categorical)
        return *CsvColumnAssembler::toCategorical(column, 0, Limit::Any);
    const bool inferredText = type == ColumnType::String && !m_plan[j].forced && m_plan[j].seed != State::Raw;
    if (inferredText && m_options.categoricalMaxLevels > 0) {
        if (auto categorical = CsvColumnAssembler::toCategorical(column, m_options.categoricalMaxLevels,
                                                                 Limit::FewerThanHalfTheRows))
            return std::move(*categorical);
    }
    return column;
}

} // namespace loupe
