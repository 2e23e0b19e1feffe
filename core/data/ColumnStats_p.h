#pragma once
// Internal to ColumnStats.cpp: hashing and distinct counting over one column's rows.

#include "core/data/Column.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace loupe::detail {

// MurmurHash3's 64-bit finalizer: a bijection on 64-bit values, so distinct mixed keys = distinct keys.
inline std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

inline std::uint64_t hashBytes(std::string_view text)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * 0x100000001b3ULL);
    const char *p = text.data();
    std::size_t n = text.size();
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ mix64(word)) * 0x9fb21c651e98df25ULL;
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    return mix64(h ^ tail ^ (std::uint64_t(n) << 56));
}

// Open-addressing set of 64-bit keys; grows at half load. Only counts, never erases.
class KeySet {
public:
    void insert(std::uint64_t key)
    {
        if (key == 0) {
            m_hasZero = true;
            return;
        }
        if ((m_size + 1) * 2 > m_slots.size())
            reserve(std::max<std::size_t>(512, m_size + 1));
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = mix64(key) & mask;
        while (m_slots[i] != 0) {
            if (m_slots[i] == key)
                return;
            i = (i + 1) & mask;
        }
        m_slots[i] = key;
        ++m_size;
    }
    std::size_t size() const { return m_size + (m_hasZero ? 1 : 0); }

    // Room for `keys` keys at most half load, without further rehashing.
    void reserve(std::size_t keys)
    {
        const std::size_t slots = std::bit_ceil(keys * 2);
        if (slots <= m_slots.size())
            return;
        std::vector<std::uint64_t> old(slots, 0);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (std::uint64_t key : old) {
            if (key == 0)
                continue;
            std::size_t i = mix64(key) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = key;
        }
    }

private:
    std::vector<std::uint64_t> m_slots;
    std::size_t m_size = 0;
    bool m_hasZero = false;
};

// For mostly-unique columns: scatter the mixed keys into 256 buckets by their top byte, then count each
// bucket in a small table that stays in cache. mix64 is a bijection, so distinct mixed keys = distinct keys.
template <typename KeyAt>
std::size_t countDistinctPartitioned(const Column &column, KeyAt keyAt)
{
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    constexpr std::size_t kBuckets = 256;
    std::vector<std::uint64_t> mixed(n);
    std::array<std::size_t, kBuckets + 1> start{};
    std::size_t present = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (!valid[r])
            continue;
        const std::uint64_t h = mix64(keyAt(r));
        mixed[present++] = h;
        ++start[(h >> 56) + 1];
    }
    mixed.resize(present);
    for (std::size_t b = 0; b < kBuckets; ++b)
        start[b + 1] += start[b];
    std::vector<std::uint64_t> scattered(mixed.size());
    std::array<std::size_t, kBuckets> next{};
    std::copy(start.begin(), start.end() - 1, next.begin());
    std::size_t largest = 0;
    for (std::size_t b = 0; b < kBuckets; ++b)
        largest = std::max(largest, start[b + 1] - start[b]);
    for (std::uint64_t h : mixed)
        scattered[next[h >> 56]++] = h;
    std::vector<std::uint64_t> table(std::bit_ceil(std::max<std::size_t>(largest * 2, 16)));
    std::size_t distinct = 0;
    bool hasZero = false;
    for (std::size_t b = 0; b < kBuckets; ++b) {
        const std::size_t size = start[b + 1] - start[b];
        const std::size_t mask = std::bit_ceil(std::max<std::size_t>(size * 2, 16)) - 1;
        std::fill(table.begin(), table.begin() + static_cast<std::ptrdiff_t>(mask + 1), 0);
        for (std::size_t k = start[b]; k < start[b + 1]; ++k) {
            const std::uint64_t h = scattered[k];
            if (h == 0) {
                hasZero = true;
                continue;
            }
            std::size_t i = h & mask;
            while (table[i] != 0 && table[i] != h)
                i = (i + 1) & mask;
            distinct += table[i] == 0 ? 1 : 0;
            table[i] = h;
        }
    }
    return distinct + (hasZero ? 1 : 0);
}

// Distinct count of the present rows' keys. Sorted input (ids, timestamps) is counted in one pass;
// otherwise a hash set that starts small (cache-resident for low-cardinality columns) and is sized
// for the whole column at once when a first sample shows mostly unique values.
template <typename KeyAt>
std::size_t countDistinct(const Column &column, KeyAt keyAt, bool sorted)
{
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    if (sorted) {
        std::size_t distinct = 0;
        bool first = true;
        std::uint64_t previous = 0;
        for (std::size_t r = 0; r < n; ++r) {
            if (!valid[r])
                continue;
            const std::uint64_t key = keyAt(r);
            distinct += (first || key != previous) ? 1 : 0;
            previous = key;
            first = false;
        }
        return distinct;
    }
    constexpr std::size_t kSample = 1u << 15;
    KeySet keys;
    std::size_t r = 0, seen = 0;
    for (; r < n && seen < kSample; ++r) {
        if (valid[r]) {
            keys.insert(keyAt(r));
            ++seen;
        }
    }
    if (keys.size() * 2 > seen)
        return countDistinctPartitioned(column, keyAt);
    for (; r < n; ++r)
        if (valid[r])
            keys.insert(keyAt(r));
    return keys.size();
}

// Counts equal strings of a String column by row of first occurrence.
class StringCounter {
public:
    struct Entry {
        std::uint64_t hash = 0;
        std::uint64_t firstRow = 0;
        std::uint64_t count = 0; // 0 = empty slot
    };

    explicit StringCounter(const Column &column) : m_column(column) {}

    void add(std::size_t row)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const std::string_view text = m_column.stringAt(row);
        const std::uint64_t hash = hashBytes(text);
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = hash & mask;
        while (m_slots[i].count != 0) {
            Entry &entry = m_slots[i];
            if (entry.hash == hash && m_column.stringAt(entry.firstRow) == text) {
                ++entry.count;
                return;
            }
            i = (i + 1) & mask;
        }
        m_slots[i] = Entry{hash, row, 1};
        ++m_size;
    }
    std::size_t size() const { return m_size; }
    const std::vector<Entry> &slots() const { return m_slots; }

private:
    void grow()
    {
        std::vector<Entry> old(std::max<std::size_t>(1024, m_slots.size() * 2));
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Entry &entry : old) {
            if (entry.count == 0)
                continue;
            std::size_t i = entry.hash & mask;
            while (m_slots[i].count != 0)
                i = (i + 1) & mask;
            m_slots[i] = entry;
        }
    }

    const Column &m_column;
    std::vector<Entry> m_slots;
    std::size_t m_size = 0;
};

} // namespace loupe::detail
