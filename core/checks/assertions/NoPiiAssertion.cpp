#include "core/checks/assertions/NoPiiAssertion.h"

#include "core/checks/RowScan.h"
#include "core/data/Table.h"
#include "core/privacy/PiiMasker.h"
#include "core/privacy/PiiTextScanner.h"

#include <array>

namespace loupe {

namespace {

struct NoPiiSetup {
    const Column *column = nullptr;
    std::array<bool, kPiiKindCount> wanted{};
};

Result<NoPiiSetup> readNoPiiSetup(const Table &table, const AssertionParams &params)
{
    NoPiiSetup setup;
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    setup.column = column.value();
    if (setup.column->type() != ColumnType::String && setup.column->type() != ColumnType::Categorical)
        return Status::invalidInput("parameter 'column': column '" + setup.column->name() + "' is "
                                    + std::string(columnTypeName(setup.column->type()))
                                    + "; no_pii scans string or categorical columns (loupe-cli pii scans the others)");
    if (!params.has("kinds")) {
        setup.wanted.fill(true);
        return setup;
    }
    Result<std::vector<std::string>> kinds = params.stringList("kinds");
    if (!kinds.isOk())
        return kinds.status();
    for (const std::string &name : kinds.value()) {
        const std::optional<PiiKind> kind = piiKindFromName(name);
        if (!kind)
            return Status::invalidInput("parameter 'kinds': '" + name
                                        + "' is not a kind (ssn, credit_card, iban, email, phone, ipv4, ipv6, birth_date)");
        if (*kind == PiiKind::PersonName)
            return Status::invalidInput("parameter 'kinds': 'person_name' is judged per column (loupe-cli pii, the "
                                        "Privacy page), not inside one cell's text; no_pii cannot check it");
        setup.wanted[static_cast<std::size_t>(*kind)] = true;
    }
    return setup;
}

// The wanted findings of one text, masked ("ssn ***-**-6789; email j***@x.org"); "" when none.
std::string maskedFindings(const PiiTextScanner &scanner, const std::array<bool, kPiiKindCount> &wanted,
                           std::string_view text, std::vector<PiiSpan> &spans)
{
    spans.clear();
    scanner.scan(text, spans);
    std::string found;
    for (const PiiSpan &span : spans) {
        if (!wanted[static_cast<std::size_t>(span.kind)])
            continue;
        found += (found.empty() ? "" : "; ") + std::string(piiKindName(span.kind)) + " "
                 + PiiMasker::mask(span.kind, text.substr(span.offset, span.length));
    }
    return found;
}

} // namespace

Status NoPiiAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readNoPiiSetup(table, params).status();
}

AssertionOutcome NoPiiAssertion::evaluate(const Table &table, const AssertionParams &params,
                                          const CancellationToken *cancel) const
{
    Result<NoPiiSetup> read = readNoPiiSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const NoPiiSetup &setup = read.value();
    const Column &column = *setup.column;
    const PiiTextScanner scanner(ColumnNameHints::fromName(column.name()));
    std::vector<PiiSpan> spans;
    RowScanResult scan;
    std::vector<std::string> categoryFindings;
    if (column.type() == ColumnType::Categorical) {
        for (const std::string &label : column.categories())
            categoryFindings.push_back(maskedFindings(scanner, setup.wanted, label, spans));
        const std::int64_t *codes = column.ints().data();
        scan = scanValidRows(column, [&](std::size_t row) { return !categoryFindings[static_cast<std::size_t>(codes[row])].empty(); },
                             cancel);
    } else {
        scan = scanValidRows(
            column,
            [&](std::size_t row) {
                spans.clear();
                const std::string_view text = column.stringAt(row);
                scanner.scan(text, spans);
                for (const PiiSpan &span : spans) {
                    if (setup.wanted[static_cast<std::size_t>(span.kind)])
                        return true;
                }
                return false;
            },
            cancel);
    }
    std::vector<std::string> values;
    for (std::size_t i = 0; i < scan.failingRows.size() && i < AssertionOutcome::kMaxShownValues; ++i) {
        const auto row = static_cast<std::size_t>(scan.failingRows[i]);
        values.push_back(column.type() == ColumnType::Categorical
                             ? categoryFindings[static_cast<std::size_t>(column.intAt(row))]
                             : maskedFindings(scanner, setup.wanted, column.stringAt(row), spans));
    }
    const std::string message = std::to_string(scan.failingRows.size()) + " of " + std::to_string(scan.checked)
                                + " values in " + column.name() + " contain personal data";
    AssertionOutcome outcome = AssertionOutcome::fromRowValues(std::move(scan.failingRows), std::move(values),
                                                               scan.checked, {column.name()}, message);
    outcome.disclosure = CellDisclosure::Masked; // rows past the masked values are never shown raw
    return outcome;
}

} // namespace loupe
