#include "core/data/CategoricalEncoder.h"

#include <algorithm>
#include <cassert>
#include <string_view>
#include <unordered_map>

namespace loupe {

std::optional<Column> CategoricalEncoder::encode(const Column &strings, std::size_t maxLevels, LevelLimit limit)
{
    assert(strings.type() == ColumnType::String);
    const std::size_t rows = strings.size();
    std::unordered_map<std::string_view, std::int32_t> codes;
    for (std::size_t i = 0; i < rows; ++i) {
        if (!strings.isValid(i))
            continue;
        codes.emplace(strings.stringAt(i), 0);
        if (maxLevels != 0 && codes.size() > maxLevels)
            return std::nullopt;
    }
    if (limit == LevelLimit::FewerThanHalfTheRows && codes.size() * 2 >= rows)
        return std::nullopt;
    std::vector<std::string_view> labels;
    labels.reserve(codes.size());
    for (const auto &entry : codes)
        labels.push_back(entry.first);
    std::sort(labels.begin(), labels.end());
    Column column(strings.name(), ColumnType::Categorical);
    for (std::size_t k = 0; k < labels.size(); ++k)
        codes[labels[k]] = column.addCategory(std::string(labels[k]));
    column.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        if (strings.isValid(i))
            column.appendCategoryCode(codes[strings.stringAt(i)]);
        else
            column.appendMissing();
    }
    return column;
}

} // namespace loupe
