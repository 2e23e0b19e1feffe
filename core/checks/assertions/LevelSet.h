#pragma once
// The set of allowed (or forbidden) levels of a categorical assertion, read from parameter "values" (an
// array of strings or numbers) or "constant" (a name from CategoricalConstants: WEEKDAYS, US_STATES, ...),
// exactly one of the two. Text columns (String, Categorical) compare labels; number columns compare values.

#include "core/checks/AssertionParams.h"
#include "core/data/Column.h"

#include <string>
#include <string_view>
#include <cstdint>
#include <cstring>
#include <functional>
#include <unordered_map>
#include <vector>

namespace loupe {

class LevelSet {
public:
    // Fails naming the parameter: neither or both given, an unknown constant, a non-number level for a
    // number column, an empty set.
    static Result<LevelSet> read(const AssertionParams &params, const Column &column);

    bool isText() const { return m_text; }
    bool containsText(std::string_view text) const { return textIndex(text) >= 0; }
    // Index into levels() of a label, or -1. Short labels are found by length bucket and memcmp (no hashing).
    int textIndex(std::string_view text) const
    {
        if (text.size() < kBucketedLength) {
            const std::uint64_t head = prefixOf(text);
            for (const Candidate &candidate : m_byLength[text.size()]) {
                if (candidate.prefix == head
                    && (text.size() <= 8
                        || std::memcmp(m_levels[static_cast<std::size_t>(candidate.index)].data() + 8, text.data() + 8,
                                       text.size() - 8)
                               == 0))
                    return candidate.index;
            }
            return -1;
        }
        const auto found = m_labels.find(text);
        return found == m_labels.end() ? -1 : found->second;
    }
    // Index into levels() of the valid cell at row, or -1 when it is not a member.
    int levelIndex(const Column &column, std::size_t row) const;
    bool containsCell(const Column &column, std::size_t row) const { return levelIndex(column, row) >= 0; }
    // Per category code of a categorical column: the level index of its label, or -1.
    std::vector<int> categoryLevels(const Column &column) const;

    const std::vector<std::string> &levels() const { return m_levels; } // as written, duplicates dropped
    std::string describe() const; // "[a, b, c]" or "US_STATES"

private:
    static constexpr std::size_t kBucketedLength = 64;
    struct Candidate {
        std::uint64_t prefix; // the first (up to) 8 bytes, zero-padded
        int index;
    };
    static std::uint64_t prefixOf(std::string_view text)
    {
        std::uint64_t prefix = 0;
        std::memcpy(&prefix, text.data(), text.size() < 8 ? text.size() : 8);
        return prefix;
    }
    bool m_text = true;
    std::vector<std::vector<Candidate>> m_byLength = std::vector<std::vector<Candidate>>(kBucketedLength);
    std::string m_constant;
    std::vector<std::string> m_levels;
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
    };
    std::unordered_map<std::string, int, TextHash, std::equal_to<>> m_labels;
    std::unordered_map<double, int> m_numbers;
};

} // namespace loupe
