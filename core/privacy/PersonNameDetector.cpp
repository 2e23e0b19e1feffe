#include "core/privacy/PersonNameDetector.h"

#include "core/privacy/CharClass.h"
#include "core/privacy/ColumnNameHints.h"

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

bool nameWordByte(unsigned char c)
{
    return charclass::isLower(static_cast<char>(c)) || c == '\'' || c == '-' || c >= 0x80;
}

} // namespace

bool PersonNameDetector::looksLikeName(std::string_view text)
{
    std::size_t words = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto first = static_cast<unsigned char>(text[i]);
        if (!charclass::isUpper(static_cast<char>(first)) && first < 0x80)
            return false;
        std::size_t end = i + 1;
        // Inside a word a capital may follow a hyphen or an apostrophe (Anne-Marie, O'Neil).
        while (end < text.size()
               && (nameWordByte(static_cast<unsigned char>(text[end]))
                   || (charclass::isUpper(text[end]) && (text[end - 1] == '-' || text[end - 1] == '\''))))
            ++end;
        if (end == i + 1)
            return false; // a lone capital (an initial) or a capital followed by something else
        ++words;
        if (end == text.size())
            break;
        if (text[end] != ' ' || end + 1 == text.size())
            return false;
        i = end + 1;
    }
    return words >= 1 && words <= 4;
}

PersonNameVerdict PersonNameDetector::judge(const Column &column, std::size_t sampledCells, double minShare)
{
    PersonNameVerdict verdict;
    const ColumnType type = column.type();
    if ((type != ColumnType::String && type != ColumnType::Categorical) || sampledCells == 0)
        return verdict;
    if (!ColumnNameHints::fromName(column.name()).personName)
        return verdict;
    const std::size_t stride = std::max<std::size_t>(1, column.size() / sampledCells);
    std::size_t shaped = 0;
    for (std::size_t row = 0; row < column.size() && verdict.sampled < sampledCells; row += stride) {
        if (!column.isValid(row))
            continue;
        ++verdict.sampled;
        const std::string_view text = type == ColumnType::String ? column.stringAt(row) : column.categoryAt(row);
        shaped += looksLikeName(text) ? 1 : 0;
    }
    if (verdict.sampled == 0)
        return verdict;
    verdict.nameShare = static_cast<double>(shaped) / static_cast<double>(verdict.sampled);
    verdict.personNames = verdict.nameShare >= minShare;
    if (verdict.personNames)
        verdict.reason = "named like a person's name, " + std::to_string(static_cast<int>(std::floor(verdict.nameShare * 100)))
                         + "% of " + std::to_string(verdict.sampled) + " sampled cells look like names";
    return verdict;
}

} // namespace loupe
