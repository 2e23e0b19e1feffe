#include "core/checks/assertions/RegexAssertion.h"

#include "core/checks/Pattern.h"
#include "core/checks/RowScan.h"
#include "core/data/Table.h"

#include <algorithm>
#include <cstring>

namespace loupe {

namespace {

struct RegexSetup {
    const Column *column = nullptr;
    Pattern pattern;
    PatternMode mode = PatternMode::FullMatch;
};

Result<RegexSetup> readSetup(const Table &table, const AssertionParams &params, RegexAssertion::Expectation expectation)
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    const ColumnType type = column.value()->type();
    if (type != ColumnType::String && type != ColumnType::Categorical)
        return Status::invalidInput("parameter 'column': column '" + column.value()->name() + "' is "
                                    + std::string(columnTypeName(type)) + "; regex checks need a string or categorical column");
    PatternMode mode = PatternMode::Search;
    if (expectation == RegexAssertion::Expectation::Matches) {
        mode = PatternMode::FullMatch;
        if (params.has("match")) {
            Result<std::string> match = params.string("match");
            if (!match.isOk())
                return match.status();
            if (match.value() == "search")
                mode = PatternMode::Search;
            else if (match.value() != "full")
                return Status::invalidInput("parameter 'match': expected \"full\" or \"search\", got '" + match.value() + "'");
        }
    }
    Result<std::string> text = params.string("pattern");
    if (!text.isOk())
        return text.status();
    Result<Pattern> pattern = Pattern::compile(text.value(), mode);
    if (!pattern.isOk())
        return Status::invalidInput("parameter 'pattern': " + pattern.message());
    return RegexSetup{column.value(), pattern.takeValue(), mode};
}

// The rows of a String column whose text contains `byte`, ascending: one memchr pass over the whole
// character buffer, each hit mapped to its row by a galloping search in the offsets.
std::vector<std::uint64_t> rowsContaining(const Column &column, char byte, const CancellationToken *cancel)
{
    std::vector<std::uint64_t> rows;
    const char *chars = column.chars().data();
    const std::uint64_t *offsets = column.offsets().data();
    const std::size_t n = column.size();
    const char *end = chars + offsets[n];
    const char *at = chars;
    std::size_t row = 0;
    std::size_t polled = 0;
    while (at < end) {
        const auto *hit = static_cast<const char *>(std::memchr(at, byte, static_cast<std::size_t>(end - at)));
        if (!hit)
            break;
        const auto position = static_cast<std::uint64_t>(hit - chars);
        // The row holding position: offsets[row] <= position < offsets[row + 1].
        std::size_t step = 1;
        std::size_t low = row;
        while (low + step <= n && offsets[low + step] <= position) {
            low += step;
            step *= 2;
        }
        row = static_cast<std::size_t>(std::upper_bound(offsets + low, offsets + std::min(n, low + step) + 1, position)
                                       - offsets)
              - 1;
        rows.push_back(row);
        at = chars + offsets[row + 1];
        if (++polled % 4096 == 0 && cancel && cancel->isCancelled())
            break;
    }
    return rows;
}

// A String column scanned through the pattern's required byte: only rows containing it can match, so the
// matcher runs on those rows alone. Same failing rows and checked count as running it on every row.
RowScanResult scanWithRequiredByte(const Column &column, Pattern &pattern, bool wantMatch,
                                   const CancellationToken *cancel)
{
    const std::vector<std::uint64_t> candidates
        = rowsContaining(column, static_cast<char>(pattern.requiredByte()), cancel);
    const auto matchesRow = [&](std::uint64_t row) {
        return pattern.matches(column.stringAt(static_cast<std::size_t>(row)));
    };
    const std::uint8_t *valid = column.validity().data();
    if (!wantMatch) { // failing rows are matching rows: all among the candidates
        RowScanResult result;
        result.checked = column.size() - column.missingCount();
        result.cancelled = cancel && cancel->isCancelled();
        for (const std::uint64_t row : candidates) {
            if (valid[row] && matchesRow(row))
                result.failingRows.push_back(row);
        }
        return result;
    }
    std::size_t next = 0;
    return scanValidRows(
        column,
        [&](std::size_t row) {
            while (next < candidates.size() && candidates[next] < row)
                ++next;
            const bool candidate = next < candidates.size() && candidates[next] == row;
            return !(candidate && matchesRow(row));
        },
        cancel);
}

} // namespace

std::string_view RegexAssertion::summary() const
{
    return m_expectation == Expectation::Matches ? "values match the pattern" : "no value contains the pattern";
}

std::vector<std::string_view> RegexAssertion::parameters() const
{
    if (m_expectation == Expectation::Matches)
        return {"column", "pattern", "match"};
    return {"column", "pattern"};
}

Status RegexAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readSetup(table, params, m_expectation).status();
}

AssertionOutcome RegexAssertion::evaluate(const Table &table, const AssertionParams &params,
                                          const CancellationToken *cancel) const
{
    Result<RegexSetup> read = readSetup(table, params, m_expectation);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    RegexSetup &setup = read.value();
    const Column &column = *setup.column;
    const bool wantMatch = m_expectation == Expectation::Matches;
    RowScanResult scan;
    if (column.type() == ColumnType::Categorical) {
        std::vector<std::uint8_t> categoryFails;
        for (const std::string &label : column.categories())
            categoryFails.push_back(setup.pattern.matches(label) != wantMatch ? 1 : 0);
        const std::int64_t *codes = column.ints().data();
        scan = scanValidRows(column, [&](std::size_t row) { return categoryFails[static_cast<std::size_t>(codes[row])] != 0; },
                             cancel);
    } else if (setup.pattern.requiredByte() >= 0) {
        scan = scanWithRequiredByte(column, setup.pattern, wantMatch, cancel);
    } else {
        const char *chars = column.chars().data();
        const std::uint64_t *offsets = column.offsets().data();
        scan = scanValidRows(
            column,
            [&](std::size_t row) {
                const std::string_view text(chars + offsets[row], offsets[row + 1] - offsets[row]);
                return setup.pattern.matches(text) != wantMatch;
            },
            cancel);
    }
    std::string what;
    if (!wantMatch)
        what = "contain the pattern " + setup.pattern.source();
    else if (setup.mode == PatternMode::Search)
        what = "do not contain the pattern " + setup.pattern.source();
    else
        what = "do not match the pattern " + setup.pattern.source();
    return AssertionOutcome::fromRows(column, std::move(scan.failingRows), scan.checked, what);
}

} // namespace loupe
