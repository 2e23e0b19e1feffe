#pragma once
// Splits CSV text into records and fields (RFC 4180): fields separated by the delimiter, records ended by
// "\n" or "\r\n" (or the end of the text), a field either unquoted (no quote character inside) or wholly
// quoted, where "" stands for one quote and delimiters and line breaks are data. A lone '\r' inside an
// unquoted field is data. Callers decide whether empty lines are records (see skipBlankLines).
// Offsets are std::size_t throughout: files beyond 4 GB are fine.

#include "core/data/CsvSpecialScanner.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct CsvField {
    std::size_t begin = 0;   // offset of the first content byte (after the opening quote when quoted)
    std::size_t size = 0;    // content bytes (without the quotes, doubled quotes still doubled)
    bool quoted = false;     // the field was quoted: it starts at begin - 1
    bool escaped = false;    // quoted and contains "" pairs: text() must undouble them

    std::size_t start() const { return quoted ? begin - 1 : begin; }
};

struct CsvRecord {
    std::vector<CsvField> fields; // the first `capacity` fields of the record (see readRecord)
    std::size_t fieldCount = 0;   // every field of the record, also those beyond capacity
    std::size_t end = 0;          // offset of the terminator ('\r' of "\r\n", '\n', or the text's end)
};

class CsvTokenizer {
public:
    enum class FaultKind { None, UnterminatedQuote, QuoteInUnquotedField, CharacterAfterClosingQuote };
    struct Fault {
        FaultKind kind = FaultKind::None;
        std::size_t offset = 0; // where: the opening quote, the stray quote, the character after the quote
        std::size_t field = 0;  // 0-based field index in the record
    };

    CsvTokenizer(std::string_view text, char delimiter);

    std::string_view text() const { return m_text; }
    // The offset of the first byte at or after pos that is not part of an empty line, stopping at limit.
    std::size_t skipBlankLines(std::size_t pos, std::size_t limit = static_cast<std::size_t>(-1)) const;
    // A scanner for readRecord; keep one per thread and pass it to every readRecord of that thread.
    CsvSpecialScanner scanner() const { return CsvSpecialScanner(m_text, m_delimiter); }
    // Reads the record starting at pos (requires pos < text().size()), keeping at most `capacity` fields.
    // ensures: on true, pos is just past the record's terminator; on false, fault says what and where.
    bool readRecord(std::size_t &pos, CsvRecord &record, std::size_t capacity, Fault &fault,
                    CsvSpecialScanner &scanner) const;
    // The field's value; undoubled into scratch when escaped (then valid until scratch changes).
    std::string_view fieldText(const CsvField &field, std::string &scratch) const
    {
        return field.escaped ? undoubleQuotes(field, scratch) : m_text.substr(field.begin, field.size);
    }

private:
    std::string_view undoubleQuotes(const CsvField &field, std::string &scratch) const;
    bool readQuoted(std::size_t &pos, CsvField &field, std::size_t index, Fault &fault) const;
    bool readUnquoted(std::size_t &pos, CsvField &field, std::size_t index, Fault &fault,
                      CsvSpecialScanner &scanner) const;

    std::string_view m_text;
    char m_delimiter;
};

} // namespace loupe
