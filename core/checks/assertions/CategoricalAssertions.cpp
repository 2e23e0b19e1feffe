#include "core/checks/assertions/CategoricalAssertions.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/LevelSet.h"
#include "core/data/Table.h"

#include <set>

namespace loupe {

namespace {

struct LevelSetup {
    const Column *column = nullptr;
    LevelSet levels;
};

Result<LevelSetup> readLevelSetup(const Table &table, const AssertionParams &params)
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return column.status();
    Result<LevelSet> levels = LevelSet::read(params, *column.value());
    if (!levels.isOk())
        return levels.status();
    return LevelSetup{column.value(), levels.takeValue()};
}

// Rows whose membership differs from `wantMember`; onMember(levelIndex) is called for each member cell.
template <typename OnMember>
RowScanResult scanMembership(const Column &column, const LevelSet &levels, bool wantMember,
                             const CancellationToken *cancel, OnMember onMember)
{
    if (column.type() == ColumnType::Categorical) {
        const std::vector<int> levelOf = levels.categoryLevels(column);
        const std::int64_t *codes = column.ints().data();
        return scanValidRows(
            column,
            [&](std::size_t row) {
                const int level = levelOf[static_cast<std::size_t>(codes[row])];
                if (level >= 0)
                    onMember(level);
                return (level >= 0) != wantMember;
            },
            cancel);
    }
    if (column.type() == ColumnType::String && levels.isText()) {
        const char *chars = column.chars().data();
        const std::uint64_t *offsets = column.offsets().data();
        const std::uint64_t total = column.chars().size();
        return scanValidRows(
            column,
            [&](std::size_t row) {
                const int level = levels.textIndexIn(
                    std::string_view(chars + offsets[row], offsets[row + 1] - offsets[row]), total - offsets[row]);
                if (level >= 0)
                    onMember(level);
                return (level >= 0) != wantMember;
            },
            cancel);
    }
    return scanValidRows(
        column,
        [&](std::size_t row) {
            const int level = levels.levelIndex(column, row);
            if (level >= 0)
                onMember(level);
            return (level >= 0) != wantMember;
        },
        cancel);
}

} // namespace

std::string_view InSetAssertion::summary() const
{
    return m_expectation == Expectation::In ? "every value is one of the levels" : "no value is one of the levels";
}

Status InSetAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readLevelSetup(table, params).status();
}

AssertionOutcome InSetAssertion::evaluate(const Table &table, const AssertionParams &params,
                                          const CancellationToken *cancel) const
{
    Result<LevelSetup> read = readLevelSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const LevelSetup &setup = read.value();
    const bool wantMember = m_expectation == Expectation::In;
    RowScanResult scan = scanMembership(*setup.column, setup.levels, wantMember, cancel, [](int) {});
    const std::string what = (wantMember ? "are not in " : "are in ") + setup.levels.describe();
    return AssertionOutcome::fromRows(*setup.column, std::move(scan.failingRows), scan.checked, what);
}

std::string_view LevelsEqualAssertion::summary() const
{
    return m_expectation == Expectation::Equal ? "the distinct values are exactly the levels"
                                               : "the distinct values are not exactly the levels";
}

Status LevelsEqualAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readLevelSetup(table, params).status();
}

AssertionOutcome LevelsEqualAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                const CancellationToken *cancel) const
{
    Result<LevelSetup> read = readLevelSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const LevelSetup &setup = read.value();
    const Column &column = *setup.column;
    std::vector<std::uint8_t> seen(setup.levels.levels().size(), 0);
    RowScanResult unexpected = scanMembership(column, setup.levels, true, cancel,
                                              [&](int level) { seen[static_cast<std::size_t>(level)] = 1; });
    if (unexpected.cancelled)
        return AssertionOutcome::pass(0);
    std::string absent;
    std::size_t absentCount = 0;
    for (std::size_t i = 0; i < seen.size(); ++i) {
        if (seen[i])
            continue;
        ++absentCount;
        if (absentCount <= AssertionOutcome::kMaxShownValues)
            absent += (absent.empty() ? "" : ", ") + setup.levels.levels()[i];
    }
    if (absentCount > AssertionOutcome::kMaxShownValues)
        absent += ", ...";
    const bool equal = unexpected.failingRows.empty() && absentCount == 0;
    const std::string observed = std::to_string(seen.size() - absentCount) + " of " + std::to_string(seen.size())
                                 + " levels seen, " + std::to_string(unexpected.failingRows.size()) + " other values";
    if (m_expectation == Expectation::NotEqual) {
        if (!equal)
            return AssertionOutcome::tablePass(observed, {column.name()});
        return AssertionOutcome::tableFailure("the levels of " + column.name() + " are exactly "
                                                  + setup.levels.describe(),
                                              observed, {column.name()});
    }
    if (equal)
        return AssertionOutcome::pass(unexpected.checked, {column.name()});
    const std::string never = absentCount ? "; levels never seen: " + absent : "";
    if (unexpected.failingRows.empty())
        return AssertionOutcome::tableFailure("the levels of " + column.name() + " differ from "
                                                  + setup.levels.describe() + never,
                                              observed, {column.name()});
    return AssertionOutcome::fromRows(column, std::move(unexpected.failingRows), unexpected.checked,
                                      "are not in " + setup.levels.describe() + never);
}

} // namespace loupe
