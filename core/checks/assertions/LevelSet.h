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
    // Index into levels() of a label, or -1. Short labels are found by (length, first 16 bytes) in a small
    // open-addressing table: word compares, no hashing of the whole text.
    int textIndex(std::string_view text) const
    {
        if (text.size() >= kBucketedLength) {
            const auto found = m_labels.find(text);
            return found == m_labels.end() ? -1 : found->second;
        }
        return shortIndex(text, wordAt(text, 0), wordAt(text, 8));
    }
    // textIndex for text that lies inside a buffer with at least `readable` bytes from text.data() on (a
    // String column's character buffer): the first 16 bytes are read as two words when that stays inside.
    int textIndexIn(std::string_view text, std::size_t readable) const
    {
        if (readable < 16 || text.size() >= kBucketedLength)
            return textIndex(text);
        std::uint64_t head = 0;
        std::uint64_t second = 0;
        std::memcpy(&head, text.data(), 8);
        std::memcpy(&second, text.data() + 8, 8);
        const std::size_t n = text.size();
        head &= n >= 8 ? ~std::uint64_t(0) : n == 0 ? 0 : lowBytes(n);
        second &= n >= 16 ? ~std::uint64_t(0) : n <= 8 ? 0 : lowBytes(n - 8);
        return shortIndex(text, head, second);
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
    struct ShortEntry {
        std::uint64_t head = 0;   // bytes 0..7, zero-padded
        std::uint64_t second = 0; // bytes 8..15, zero-padded
        std::size_t length = 0;
        int index = -1; // -1: empty slot
    };
    // A word with the low k bytes (1 <= k <= 7) of all ones.
    static std::uint64_t lowBytes(std::size_t k) { return ~std::uint64_t(0) >> (64 - 8 * k); }
    static std::size_t mixKey(std::uint64_t head, std::size_t length)
    {
        std::uint64_t x = head ^ (static_cast<std::uint64_t>(length) << 56) ^ 0x9e3779b97f4a7c15ULL;
        x ^= x >> 31;
        x *= 0xbf58476d1ce4e5b9ULL;
        x ^= x >> 29;
        return static_cast<std::size_t>(x);
    }
    // Bytes from..from+7 of text as a word, zero-padded past its end.
    static std::uint64_t wordAt(std::string_view text, std::size_t from)
    {
        std::uint64_t word = 0;
        if (from < text.size())
            std::memcpy(&word, text.data() + from, text.size() - from < 8 ? text.size() - from : 8);
        return word;
    }
    int shortIndex(std::string_view text, std::uint64_t head, std::uint64_t second) const
    {
        std::size_t slot = mixKey(head, text.size()) & m_shortMask;
        if (m_collisionFree) {
            // Every label sits in its home slot: one probe. An empty slot (index -1) can only "match" the
            // empty text when "" is not a label, and then -1 is the right answer.
            const ShortEntry &entry = m_short[slot];
            const bool same = entry.head == head && entry.second == second && entry.length == text.size();
            if (text.size() <= 16 || !same)
                return same ? entry.index : -1;
            return std::memcmp(m_levels[static_cast<std::size_t>(entry.index)].data() + 16, text.data() + 16,
                               text.size() - 16)
                           == 0
                       ? entry.index
                       : -1;
        }
        while (true) {
            const ShortEntry &entry = m_short[slot];
            if (entry.index < 0)
                return -1;
            if (entry.head == head && entry.second == second && entry.length == text.size()
                && (text.size() <= 16
                    || std::memcmp(m_levels[static_cast<std::size_t>(entry.index)].data() + 16, text.data() + 16,
                                   text.size() - 16)
                           == 0))
                return entry.index;
            slot = (slot + 1) & m_shortMask;
        }
    }
    void addShort(const ShortEntry &entry);
    // Grows the short table (up to kMaxSpreadSlots) until no two labels share a home slot, if possible.
    void spreadShort();
    static constexpr std::size_t kMaxSpreadSlots = 1024;
    bool m_text = true;
    std::vector<ShortEntry> m_short = std::vector<ShortEntry>(16); // open addressing, at most half full
    std::size_t m_shortMask = 15;
    std::size_t m_shortCount = 0;
    bool m_collisionFree = false;
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
