#include "core/privacy/TableMasking.h"

#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/PersonNameDetector.h"
#include "core/privacy/PiiMasker.h"
#include "core/privacy/PiiTextScanner.h"

#include <map>

namespace loupe {

namespace {

std::string maskedText(std::string_view text, const PiiTextScanner &scanner, std::vector<PiiSpan> &spans)
{
    spans.clear();
    if (scanner.scan(text, spans) == 0)
        return std::string(text);
    std::string result;
    result.reserve(text.size());
    std::size_t at = 0;
    for (const PiiSpan &span : spans) {
        result.append(text.substr(at, span.offset - at));
        result += PiiMasker::mask(span.kind, text.substr(span.offset, span.length));
        at = span.offset + span.length;
    }
    result.append(text.substr(at));
    return result;
}

Column maskColumn(const Column &source, ColumnTreatment treatment)
{
    Column masked(source.name(), ColumnType::String);
    masked.reserve(source.size());
    const ColumnNameHints hints = ColumnNameHints::fromName(source.name());
    const PiiTextScanner scanner(hints);
    std::vector<PiiSpan> spans;
    const bool birthDates = source.type() == ColumnType::DateTime && hints.birthDate;
    const PersonNameVerdict names = PersonNameDetector::judge(source, hints);
    for (std::size_t row = 0; row < source.size(); ++row) {
        if (!source.isValid(row)) {
            masked.appendMissing();
            continue;
        }
        const std::string text = source.type() == ColumnType::String ? std::string(source.stringAt(row))
                                                                     : source.displayAt(row);
        if (treatment == ColumnTreatment::MaskAll)
            masked.appendString(PiiMasker::maskWhole(text));
        else if (birthDates)
            masked.appendString(PiiMasker::mask(PiiKind::BirthDate, text));
        else if (names.personName && PersonNameDetector::looksLikeName(text, names.hint))
            masked.appendString(PiiMasker::mask(PiiKind::PersonName, text));
        else
            masked.appendString(maskedText(text, scanner, spans));
    }
    return masked;
}

} // namespace

std::string TableMasking::maskFindings(std::string_view text, const std::string &columnName)
{
    const ColumnNameHints hints = ColumnNameHints::fromName(columnName);
    if (hints.personName != PersonNameHint::None && PersonNameDetector::looksLikeName(text, hints.personName))
        return PiiMasker::mask(PiiKind::PersonName, text);
    std::vector<PiiSpan> spans;
    return maskedText(text, PiiTextScanner(hints), spans);
}

Result<Table> TableMasking::apply(const Table &table, const std::vector<ColumnAction> &actions)
{
    std::map<std::string, ColumnTreatment> byName;
    for (const ColumnAction &action : actions) {
        if (!table.find(action.column))
            return Status::invalidInput("no column named '" + action.column + "'");
        if (!byName.emplace(action.column, action.treatment).second)
            return Status::invalidInput("column '" + action.column + "' is named in more than one action");
    }
    Table cleaned;
    for (const Column &column : table.columns()) {
        const auto found = byName.find(column.name());
        const ColumnTreatment treatment = found == byName.end() ? ColumnTreatment::Keep : found->second;
        if (treatment == ColumnTreatment::Drop)
            continue;
        cleaned.addColumn(treatment == ColumnTreatment::Keep ? column : maskColumn(column, treatment));
    }
    return cleaned;
}

} // namespace loupe
