#include "core/data/CsvChunkParser.h"

#include "core/data/Utf8.h"

namespace loupe {

CsvChunkParser::CsvChunkParser(const CsvTokenizer &tokenizer, const std::vector<std::string> &names,
                               BadRowPolicy policy)
    : m_tokenizer(tokenizer), m_names(names), m_policy(policy), m_skipBlankLines(names.size() > 1)
{
}

CsvChunkResult CsvChunkParser::parse(CsvChunk chunk, std::vector<ColumnBuilder> builders, std::size_t maxRows,
                                     const Tick &tick) const
{
    CsvChunkResult result;
    result.columns = std::move(builders);
    const std::size_t columns = m_names.size();
    CsvRecord record;
    record.fields.reserve(columns + 1);
    std::string scratch;
    CsvSpecialScanner scanner = m_tokenizer.scanner();
    std::size_t pos = chunk.begin;
    std::size_t sinceTick = 0;
    for (;;) {
        if (m_skipBlankLines)
            pos = m_tokenizer.skipBlankLines(pos, chunk.end);
        if (pos >= chunk.end || (maxRows != 0 && result.rows >= maxRows))
            break;
        if (++sinceTick == kTickRows) {
            sinceTick = 0;
            if (tick && !tick(pos)) {
                result.stopped = true;
                break;
            }
        }
        CsvTokenizer::Fault fault;
        const std::size_t recordStart = pos;
        if (!m_tokenizer.readRecord(pos, record, columns + 1, fault, scanner)) {
            result.fault = tokenizerFault(fault);
            break;
        }
        if (record.fieldCount != columns) {
            const bool tooMany = record.fieldCount > columns;
            const std::size_t column = tooMany ? columns + 1 : record.fieldCount + 1;
            if (m_policy == BadRowPolicy::Skip) {
                ++result.skippedRows;
                if (result.skippedSamples.size() < kMaxSkippedSamples)
                    result.skippedSamples.push_back(
                        CsvFault::fieldCount(recordStart, column, record.fieldCount, m_names));
                continue;
            }
            const std::size_t where = tooMany ? record.fields[columns].start() : record.end;
            result.fault = CsvFault::fieldCount(where, column, record.fieldCount, m_names);
            break;
        }
        if (!storeRecord(record, result, scratch))
            break;
        ++result.rows;
    }
    result.stopOffset = pos;
    return result;
}

bool CsvChunkParser::storeRecord(const CsvRecord &record, CsvChunkResult &result, std::string &scratch) const
{
    for (std::size_t j = 0; j < record.fields.size(); ++j) {
        const CsvField &field = record.fields[j];
        const std::string_view text = m_tokenizer.fieldText(field, scratch);
        const ColumnBuilder::AppendStatus status = result.columns[j].append(text);
        if (status == ColumnBuilder::AppendStatus::Ok)
            continue;
        if (status == ColumnBuilder::AppendStatus::InvalidUtf8) {
            // Locate the bad byte in the raw field: "" pairs are ASCII and do not move it.
            if (!result.encodingFault) {
                const std::size_t index = Utf8::firstInvalid(m_tokenizer.text().substr(field.begin, field.size));
                result.encodingFault = CsvFault::invalidUtf8(field.begin + index, j + 1, m_names);
            }
            continue;
        }
        const ColumnType type = ColumnBuilder::columnType(result.columns[j].state());
        result.fault = CsvFault::badValue(field.begin, j + 1, text, type, m_names);
        return false;
    }
    return true;
}

CsvFault CsvChunkParser::tokenizerFault(const CsvTokenizer::Fault &fault) const
{
    const std::size_t column = fault.field + 1;
    switch (fault.kind) {
    case CsvTokenizer::FaultKind::UnterminatedQuote:
        return CsvFault::unterminatedQuote(fault.offset, column, m_names);
    case CsvTokenizer::FaultKind::QuoteInUnquotedField:
        return CsvFault::quoteInUnquotedField(fault.offset, column, m_names);
    default:
        return CsvFault::characterAfterClosingQuote(fault.offset, column, m_tokenizer.text()[fault.offset], m_names);
    }
}

} // namespace loupe
