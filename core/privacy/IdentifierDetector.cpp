#include "core/privacy/IdentifierDetector.h"

#include "core/privacy/ColumnNameHints.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>
#include <string_view>
#include <unordered_set>

namespace loupe {

namespace {

// Counts distinct non-missing values; stops early (returning what it saw) once more than `maxDuplicates`
// repeats were met, since the verdict is then known.
template <typename Value, typename Get>
std::size_t countDistinct(const Column &column, std::size_t maxDuplicates, Get get, std::size_t &seen)
{
    std::unordered_set<Value> values;
    values.reserve(column.size() - column.missingCount());
    std::size_t duplicates = 0;
    seen = 0;
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.isValid(row))
            continue;
        ++seen;
        if (!values.insert(get(row)).second && ++duplicates > maxDuplicates)
            break;
    }
    return values.size();
}

// Integers: a strictly increasing column (row ids) is unique without a set; otherwise sort a copy.
std::size_t countDistinctInts(const Column &column, std::size_t &seen)
{
    std::vector<std::int64_t> values;
    values.reserve(column.size() - column.missingCount());
    for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row))
            values.push_back(column.intAt(row));
    seen = values.size();
    if (std::adjacent_find(values.begin(), values.end(), std::greater_equal<>()) == values.end())
        return values.size();
    std::sort(values.begin(), values.end());
    return static_cast<std::size_t>(std::unique(values.begin(), values.end()) - values.begin());
}

} // namespace

IdentifierVerdict IdentifierDetector::judge(const Column &column, IdentifierRules rules)
{
    IdentifierVerdict verdict;
    const ColumnType type = column.type();
    if (type != ColumnType::Int64 && type != ColumnType::String && type != ColumnType::Categorical)
        return verdict;
    const std::size_t present = column.size() - column.missingCount();
    if (present < 2)
        return verdict;
    const bool named = ColumnNameHints::fromName(column.name()).identifier;
    // Without the name only full uniqueness counts, so the first repeat settles it.
    const std::size_t allowed = named ? static_cast<std::size_t>(std::floor(present * (1.0 - rules.nearUniqueRatio)))
                                      : 0;
    std::size_t seen = 0;
    std::size_t distinct = 0;
    if (type == ColumnType::String)
        distinct = countDistinct<std::string_view>(column, allowed, [&](std::size_t r) { return column.stringAt(r); }, seen);
    else
        distinct = countDistinctInts(column, seen);
    verdict.distinctRatio = static_cast<double>(distinct) / static_cast<double>(present);
    if (seen == present && distinct == present && present >= rules.minRows) {
        verdict.identifier = true;
        verdict.reason = "unique in every row";
    } else if (named && seen == present && verdict.distinctRatio >= rules.nearUniqueRatio) {
        verdict.identifier = true;
        verdict.reason = "named like an id, " + std::to_string(static_cast<int>(std::floor(verdict.distinctRatio * 100)))
            + "% distinct";
    }
    return verdict;
}

} // namespace loupe
