#include "core/privacy/KAnonymity.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace loupe {

namespace {

// Dense codes 0..distinct-1 for a column's values in first-seen order, `missing` taking one code too.
std::vector<std::uint32_t> denseCodes(const Column &column, std::size_t &distinct)
{
    const std::size_t rows = column.size();
    std::vector<std::uint32_t> codes(rows);
    std::uint32_t missingCode = UINT32_MAX;
    std::uint32_t next = 0;
    const auto missing = [&]() {
        if (missingCode == UINT32_MAX)
            missingCode = next++;
        return missingCode;
    };
    if (column.type() == ColumnType::String) {
        std::unordered_map<std::string_view, std::uint32_t> map;
        for (std::size_t r = 0; r < rows; ++r) {
            if (!column.isValid(r)) {
                codes[r] = missing();
                continue;
            }
            auto [it, inserted] = map.try_emplace(column.stringAt(r), next);
            if (inserted)
                ++next;
            codes[r] = it->second;
        }
    } else {
        std::unordered_map<std::int64_t, std::uint32_t> map;
        const bool isFloat = column.type() == ColumnType::Float64;
        for (std::size_t r = 0; r < rows; ++r) {
            if (!column.isValid(r)) {
                codes[r] = missing();
                continue;
            }
            std::int64_t key = 0;
            if (isFloat) {
                const double value = column.doubleAt(r) == 0.0 ? 0.0 : column.doubleAt(r);
                std::memcpy(&key, &value, sizeof key);
            } else {
                key = column.intAt(r);
            }
            auto [it, inserted] = map.try_emplace(key, next);
            if (inserted)
                ++next;
            codes[r] = it->second;
        }
    }
    distinct = next;
    return codes;
}

} // namespace

Result<KAnonymityReport> KAnonymity::audit(const Table &table, const std::vector<std::string> &columns,
                                           std::size_t requestedK, std::size_t examples)
{
    if (columns.empty())
        return Status::invalidInput("k-anonymity needs at least one quasi-identifier column");
    std::vector<const Column *> selected;
    for (const std::string &name : columns) {
        const Column *column = table.find(name);
        if (!column)
            return Status::invalidInput("k-anonymity: no column named '" + name + "'");
        selected.push_back(column);
    }
    KAnonymityReport report;
    report.columns = columns;
    report.requestedK = requestedK;
    const std::size_t rows = table.rowCount();
    // Group ids built column by column: (previous group, this column's code) -> new group.
    std::vector<std::uint32_t> group(rows, 0);
    std::size_t groups = rows > 0 ? 1 : 0;
    for (const Column *column : selected) {
        std::size_t distinct = 0;
        const std::vector<std::uint32_t> codes = denseCodes(*column, distinct);
        std::unordered_map<std::uint64_t, std::uint32_t> combined;
        combined.reserve(std::min(rows, groups * distinct));
        for (std::size_t r = 0; r < rows; ++r) {
            const std::uint64_t key = static_cast<std::uint64_t>(group[r]) * distinct + codes[r];
            group[r] = combined.try_emplace(key, static_cast<std::uint32_t>(combined.size())).first->second;
        }
        groups = combined.size();
    }
    std::vector<std::size_t> sizes(groups, 0), firstRow(groups, SIZE_MAX);
    for (std::size_t r = 0; r < rows; ++r) {
        ++sizes[group[r]];
        firstRow[group[r]] = std::min(firstRow[group[r]], r);
    }
    report.groupCount = groups;
    report.k = groups > 0 ? *std::min_element(sizes.begin(), sizes.end()) : 0;
    std::vector<std::size_t> order;
    for (std::size_t g = 0; g < groups; ++g) {
        if (sizes[g] < requestedK) {
            ++report.groupsBelowK;
            report.rowsBelowK += sizes[g];
        }
        report.uniqueRows += sizes[g] == 1 ? 1 : 0;
        order.push_back(g);
    }
    const std::size_t shown = std::min(examples, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                      [&](std::size_t a, std::size_t b) {
                          return sizes[a] != sizes[b] ? sizes[a] < sizes[b] : firstRow[a] < firstRow[b];
                      });
    for (std::size_t i = 0; i < shown; ++i) {
        KAnonymityGroup example;
        example.size = sizes[order[i]];
        example.firstRow = firstRow[order[i]];
        for (const Column *column : selected)
            example.values.push_back(column->isValid(example.firstRow) ? column->displayAt(example.firstRow)
                                                                       : std::string("(missing)"));
        report.smallestGroups.push_back(std::move(example));
    }
    return report;
}

} // namespace loupe
