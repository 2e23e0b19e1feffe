#include "core/data/CsvHeader.h"

#include "core/data/Utf8.h"

#include <limits>
#include <unordered_map>

namespace loupe {

std::optional<CsvFault> CsvHeader::read(const CsvTokenizer &tokenizer, std::size_t &pos,
                                        std::vector<std::string> &names)
{
    names.clear();
    const std::vector<std::string> noNames;
    CsvRecord record;
    CsvTokenizer::Fault fault;
    CsvSpecialScanner scanner = tokenizer.scanner();
    if (!tokenizer.readRecord(pos, record, std::numeric_limits<std::size_t>::max(), fault, scanner)) {
        const std::size_t column = fault.field + 1;
        switch (fault.kind) {
        case CsvTokenizer::FaultKind::UnterminatedQuote:
            return CsvFault::unterminatedQuote(fault.offset, column, noNames);
        case CsvTokenizer::FaultKind::QuoteInUnquotedField:
            return CsvFault::quoteInUnquotedField(fault.offset, column, noNames);
        default:
            return CsvFault::characterAfterClosingQuote(fault.offset, column, tokenizer.text()[fault.offset], noNames);
        }
    }
    std::unordered_map<std::string, std::size_t> seen;
    std::string scratch;
    for (std::size_t j = 0; j < record.fields.size(); ++j) {
        const CsvField &field = record.fields[j];
        const std::size_t bad = Utf8::firstInvalid(tokenizer.text().substr(field.begin, field.size));
        if (bad != Utf8::npos)
            return CsvFault::invalidUtf8(field.begin + bad, j + 1, noNames);
        std::string name(tokenizer.fieldText(field, scratch));
        if (name.empty())
            return CsvFault::emptyColumnName(field.start(), j + 1);
        const auto [it, inserted] = seen.emplace(name, j + 1);
        if (!inserted)
            return CsvFault::duplicateColumnName(field.start(), j + 1, name, it->second);
        names.push_back(std::move(name));
    }
    return std::nullopt;
}

} // namespace loupe
