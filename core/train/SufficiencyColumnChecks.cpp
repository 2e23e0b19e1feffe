#include "core/train/SufficiencyColumnChecks.h"

#include "core/util/NumberText.h"

#include <algorithm>
#include <cstdio>

namespace loupe {

namespace {

bool sameCell(const Column &column, std::size_t a, std::size_t b)
{
    switch (column.type()) {
    case ColumnType::Float64:
        return column.doubleAt(a) == column.doubleAt(b);
    case ColumnType::String:
        return column.stringAt(a) == column.stringAt(b);
    default:
        return column.intAt(a) == column.intAt(b);
    }
}


std::string quotedList(const std::vector<std::pair<std::string, double>> &items, std::size_t limit)
{
    std::string text;
    for (std::size_t i = 0; i < items.size() && i < limit; ++i)
        text += (i == 0 ? "'" : ", '") + items[i].first + "'";
    if (items.size() > limit)
        text += ", ...";
    return text;
}

} // namespace

bool isConstantColumn(const Column &column)
{
    std::size_t first = column.size();
    for (std::size_t row = 0; row < column.size(); ++row) {
        if (!column.isValid(row))
            continue;
        if (first == column.size())
            first = row;
        else if (!sameCell(column, first, row))
            return false;
    }
    return true;
}

SufficiencyCheck constantColumnsCheck(const Table &table, const SufficiencyOptions &options)
{
    SufficiencyCheck check{"constant_columns", "Constant columns"};
    std::size_t features = 0;
    for (const Column &column : table.columns()) {
        const bool excluded = std::find(options.excluded.begin(), options.excluded.end(), column.name())
                              != options.excluded.end();
        if (column.name() == options.target || excluded)
            continue;
        ++features;
        if (isConstantColumn(column))
            check.items.emplace_back(column.name(), static_cast<double>(column.size() - column.missingCount()));
    }
    check.value = static_cast<double>(check.items.size());
    check.required = 0.0;
    if (check.items.empty()) {
        check.reason = "Every feature column has more than one value.";
    } else if (check.items.size() == features) {
        check.verdict = Verdict::Insufficient;
        check.reason = "Every feature column holds a single value, so nothing can be learned from them.";
    } else {
        check.verdict = Verdict::Warning;
        check.reason = std::to_string(check.items.size()) + " column(s) hold a single value and carry no signal: "
                       + quotedList(check.items, 5) + "; exclude them.";
    }
    return check;
}

SufficiencyCheck missingValuesCheck(const Table &table, const SufficiencyOptions &options)
{
    SufficiencyCheck check{"missing_values", "Missing values"};
    const double rows = static_cast<double>(table.rowCount());
    double worst = 0.0;
    std::string worstName;
    for (const Column &column : table.columns()) {
        if (column.missingCount() == 0)
            continue;
        const double share = static_cast<double>(column.missingCount()) / rows;
        check.items.emplace_back(column.name(), share);
        if (share > worst) {
            worst = share;
            worstName = column.name();
        }
    }
    check.value = worst;
    check.required = options.missingShareInsufficient;
    if (check.items.empty()) {
        check.reason = "No column has missing values.";
        return check;
    }
    check.verdict = worst >= options.missingShareInsufficient ? Verdict::Insufficient : Verdict::Warning;
    check.reason = std::to_string(check.items.size()) + " column(s) have missing values; the worst, '" + worstName
                   + "', misses " + percentText(worst) + " of its cells"
                   + (check.verdict == Verdict::Insufficient ? " (at or above " : " (below ")
                   + percentText(options.missingShareInsufficient) + "); impute or exclude before training.";
    return check;
}

} // namespace loupe
