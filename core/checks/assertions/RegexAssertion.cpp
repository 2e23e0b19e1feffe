#include "core/checks/assertions/RegexAssertion.h"

#include "core/checks/Pattern.h"
#include "core/checks/PatternMemo.h"
#include "core/checks/RowScan.h"
#include "core/checks/assertions/MatchingRows.h"
#include "core/data/Table.h"

#include <algorithm>
#include <iterator>

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

// The failing rows given exactly the rows of a String column that match: for not_regex (wantMatch false)
// those rows themselves, for regex every other present row. Same result as asking the matcher on every row.
RowScanResult fromMatchingRows(const Column &column, const std::vector<std::uint64_t> &matching, bool wantMatch,
                               const CancellationToken *cancel)
{
    if (!wantMatch) {
        RowScanResult result;
        result.checked = column.size() - column.missingCount();
        result.cancelled = cancel && cancel->isCancelled();
        const std::uint8_t *valid = column.validity().data();
        std::copy_if(matching.begin(), matching.end(), std::back_inserter(result.failingRows),
                     [&](std::uint64_t row) { return valid[row] != 0; });
        return result;
    }
    std::size_t next = 0;
    return scanValidRows(
        column,
        [&](std::size_t row) {
            while (next < matching.size() && matching[next] < row)
                ++next;
            return !(next < matching.size() && matching[next] == row);
        },
        cancel);
}

// A String column: through the pattern's required byte when it has a rare one (the matcher runs only on the
// rows holding it), through rowsWithMatch when the pattern is searched for and matches locally, else row by row.
// Repeated values are matched once (PatternMemo).
RowScanResult scanStrings(const Column &column, const RegexSetup &setup, bool wantMatch, const CancellationToken *cancel)
{
    const Pattern &pattern = setup.pattern;
    PatternMemo memo(pattern);
    if (const int byte = pattern.requiredByte(); byte >= 0) {
        if (auto rows = rowsContaining(column, static_cast<char>(byte), cancel)) {
            const auto misses = [&](std::uint64_t row) { return !memo.matches(column.stringAt(static_cast<std::size_t>(row))); };
            rows->erase(std::remove_if(rows->begin(), rows->end(), misses), rows->end());
            return fromMatchingRows(column, *rows, wantMatch, cancel);
        }
    }
    if (setup.mode == PatternMode::Search && pattern.matchesLocally() && !pattern.matches(""))
        return fromMatchingRows(column, rowsWithMatch(column, pattern, memo, cancel), wantMatch, cancel);
    const char *chars = column.chars().data();
    const std::uint64_t *offsets = column.offsets().data();
    return scanValidRows(
        column,
        [&](std::size_t row) {
            const std::string_view text(chars + offsets[row], offsets[row + 1] - offsets[row]);
            return memo.matches(text) != wantMatch;
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
    } else {
        scan = scanStrings(column, setup, wantMatch, cancel);
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
