#pragma once
// An open-addressing hash table that assigns every distinct key a group number 0, 1, 2, ... in first-seen
// order. Keys are identified by a precomputed 64-bit hash plus an equality callback on the group's first
// row, so the table stores only numbers (no per-cell allocation).

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace loupe {

class GroupTable {
public:
    static constexpr std::uint32_t kNoGroup = 0xFFFFFFFFu;

    // requires: expectedKeys < 2^31.
    explicit GroupTable(std::size_t expectedKeys)
    {
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, expectedKeys * 2));
        m_mask = capacity - 1;
        m_slots.assign(capacity, kNoGroup);
        m_hashes.reserve(expectedKeys);
        m_firstRows.reserve(expectedKeys);
    }

    // The group of the key (hash, row); a new group whose first row is `row` when none matches.
    // same(firstRow) must say whether the group's first row holds the same key as `row`.
    template <typename Same>
    std::uint32_t insert(std::uint64_t hash, std::uint64_t row, Same same)
    {
        std::size_t slot = slotOf(hash);
        while (true) {
            const std::uint32_t group = m_slots[slot];
            if (group == kNoGroup) {
                if (m_firstRows.size() * 2 >= m_mask + 1) {
                    grow();
                    return insert(hash, row, same);
                }
                const auto created = static_cast<std::uint32_t>(m_firstRows.size());
                m_slots[slot] = created;
                m_hashes.push_back(hash);
                m_firstRows.push_back(row);
                return created;
            }
            if (m_hashes[group] == hash && same(m_firstRows[group]))
                return group;
            slot = (slot + 1) & m_mask;
        }
    }

    // The group of the key, or kNoGroup.
    template <typename Same>
    std::uint32_t find(std::uint64_t hash, Same same) const
    {
        std::size_t slot = slotOf(hash);
        while (true) {
            const std::uint32_t group = m_slots[slot];
            if (group == kNoGroup)
                return kNoGroup;
            if (m_hashes[group] == hash && same(m_firstRows[group]))
                return group;
            slot = (slot + 1) & m_mask;
        }
    }

    // Empties the table for up to expectedKeys new keys, keeping its memory when it is large enough.
    void reset(std::size_t expectedKeys)
    {
        const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, expectedKeys * 2));
        m_mask = capacity - 1;
        m_slots.assign(capacity, kNoGroup);
        m_hashes.clear();
        m_firstRows.clear();
        m_hashes.reserve(expectedKeys);
        m_firstRows.reserve(expectedKeys);
    }

    // Hints that a key with this hash comes soon (hides the slot's cache miss behind other work).
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(m_slots.data() + slotOf(hash)); }

    std::size_t groupCount() const { return m_firstRows.size(); }
    std::uint64_t firstRow(std::uint32_t group) const { return m_firstRows[group]; }

private:
    // Low bits pick the slot (the top bits may be shared by every key of a radix partition).
    std::size_t slotOf(std::uint64_t hash) const { return static_cast<std::size_t>(hash) & m_mask; }

    void grow()
    {
        const std::size_t capacity = (m_mask + 1) * 2;
        m_mask = capacity - 1;
        m_slots.assign(capacity, kNoGroup);
        for (std::uint32_t group = 0; group < m_hashes.size(); ++group) {
            std::size_t slot = slotOf(m_hashes[group]);
            while (m_slots[slot] != kNoGroup)
                slot = (slot + 1) & m_mask;
            m_slots[slot] = group;
        }
    }

    std::size_t m_mask = 0;
    std::vector<std::uint32_t> m_slots;
    std::vector<std::uint64_t> m_hashes;
    std::vector<std::uint64_t> m_firstRows;
};

} // namespace loupe
