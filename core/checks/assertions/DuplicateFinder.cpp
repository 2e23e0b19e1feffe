#include "core/checks/assertions/DuplicateFinder.h"

#include "core/checks/assertions/CellKeys.h"
#include "core/data/Column.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <memory>

namespace loupe {

namespace {

// The 64-bit key hash of a row. Integer-family keys mix their values on the fly (cheap enough to do twice,
// which saves writing and re-reading a hash per row); other keys read precomputed cell hashes.
class KeyHasher {
public:
    KeyHasher(const std::vector<const Column *> &columns, std::uint64_t mask) : m_mask(mask)
    {
        m_integers = std::all_of(columns.begin(), columns.end(),
                                 [](const Column *c) { return keyFamily(*c) == KeyFamily::Integer; });
        if (m_integers) {
            for (const Column *column : columns)
                m_values.push_back(column->ints().data());
            return;
        }
        m_hashes = hashCells(*columns.front());
        for (std::size_t c = 1; c < columns.size(); ++c)
            combineHashes(m_hashes, hashCells(*columns[c]));
    }

    bool integers() const { return m_integers; }
    const std::vector<const std::int64_t *> &values() const { return m_values; }

    std::uint64_t operator()(std::size_t row) const
    {
        if (!m_integers)
            return m_hashes[row] & m_mask;
        // One multiply per further column, one avalanche at the end (equal hashes are verified anyway).
        std::uint64_t h = static_cast<std::uint64_t>(m_values[0][row]);
        for (std::size_t c = 1; c < m_values.size(); ++c)
            h = (h ^ (h >> 29)) * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(m_values[c][row]);
        return mixBits(h) & m_mask;
    }

private:
    std::uint64_t m_mask;
    bool m_integers = false;
    std::vector<const std::int64_t *> m_values;
    std::vector<std::uint64_t> m_hashes;
};

// 1 for rows with a value in every key column; empty when no key column has a missing value.
std::vector<std::uint8_t> usableRows(const std::vector<const Column *> &columns)
{
    if (std::all_of(columns.begin(), columns.end(), [](const Column *c) { return c->missingCount() == 0; }))
        return {};
    std::vector<std::uint8_t> usable = columns.front()->validity();
    for (std::size_t c = 1; c < columns.size(); ++c) {
        const std::uint8_t *valid = columns[c]->validity().data();
        for (std::size_t row = 0; row < usable.size(); ++row)
            usable[row] &= valid[row];
    }
    return usable;
}

// A row in its partition with the low 32 bits of its key hash (the partition already fixed the top bits;
// equal stored hashes are verified on the cells, so the dropped bits only cost an occasional extra compare).
struct Entry {
    std::uint32_t hash;
    std::uint32_t row;
};

// One slot of a partition's table: the key's hash and first row; kEmpty marks an empty slot, kRepeated
// (the row's top bit) a key seen more than once.
struct Slot {
    std::uint32_t hash;
    std::uint32_t row;
};
constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
constexpr std::uint32_t kRepeated = 0x80000000u;

// Partitions of about 4,000 rows keep a table (four slots per row, 8 bytes each) within 128 KiB (in L2).
unsigned partitionBits(std::size_t rows, unsigned hashBits)
{
    if (hashBits < 64)
        return 0; // masked hashes have no top bits to spread on
    unsigned bits = 0;
    while (bits < 10 && (rows >> bits) > 6000)
        ++bits;
    return bits;
}

// Groups one partition's entries; appends the rows of repeated keys to summary.duplicatedRows (ascending
// within the partition). same(a, b) compares the key cells of rows a and b.
template <typename Same>
void groupPartition(const Entry *entries, std::size_t count, std::vector<Slot> &slots,
                    std::vector<std::uint32_t> &slotOf, Same same, DuplicateSummary &summary)
{
    // A quarter full at most: most rows find an empty slot at the first probe (fewer mispredicted branches).
    const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, count * 4));
    const std::size_t mask = capacity - 1;
    if (slots.size() < capacity)
        slots.resize(capacity);
    std::memset(static_cast<void *>(slots.data()), 0xFF, capacity * sizeof(Slot));
    if (slotOf.size() < count)
        slotOf.resize(count);
    bool anyRepeated = false;
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < count; ++i) {
        if (i + kAhead < count)
            __builtin_prefetch(slots.data() + (entries[i + kAhead].hash & mask), 1);
        const std::uint32_t hash = entries[i].hash;
        const std::uint32_t row = entries[i].row;
        std::size_t s = hash & mask;
        while (true) {
            Slot &slot = slots[s];
            if (slot.row == kEmpty) {
                slot = {hash, row};
                ++summary.distinctCount;
                break;
            }
            if (slot.hash == hash && same(slot.row & ~kRepeated, row)) {
                if (!(slot.row & kRepeated)) {
                    slot.row |= kRepeated;
                    ++summary.repeatedKeys;
                    anyRepeated = true;
                }
                break;
            }
            s = (s + 1) & mask;
        }
        slotOf[i] = static_cast<std::uint32_t>(s);
    }
    if (!anyRepeated)
        return;
    for (std::size_t i = 0; i < count; ++i) {
        if (slots[slotOf[i]].row & kRepeated)
            summary.duplicatedRows.push_back(entries[i].row);
    }
}

// The usable rows as entries grouped by partition: partition p holds count[p] entries from begin[p] on.
struct Scattered {
    std::unique_ptr<Entry[]> entries; // not value-initialised: every entry read is written first
    std::vector<std::size_t> begin;
    std::vector<std::size_t> count;
};

// One pass: every partition gets room for a quarter more rows than an even share. Fails (returns false)
// when some partition overflows, which happens when one key fills much of the table.
template <typename Hasher, typename Usable, typename PartitionOf>
bool scatterOnePass(std::size_t n, std::size_t partitions, const Hasher &hashOf, Usable isUsable,
                    PartitionOf partitionOf, Scattered &out)
{
    const std::size_t share = n / partitions;
    const std::size_t capacity = share + share / 4 + 64;
    out.entries.reset(new Entry[partitions * capacity]);
    out.begin.resize(partitions);
    out.count.assign(partitions, 0);
    for (std::size_t p = 0; p < partitions; ++p)
        out.begin[p] = p * capacity;
    for (std::size_t row = 0; row < n; ++row) {
        if (!isUsable(row))
            continue;
        const std::uint64_t hash = hashOf(row);
        const std::size_t p = partitionOf(hash);
        const std::size_t k = out.count[p]++;
        if (k < capacity)
            out.entries[p * capacity + k] = {static_cast<std::uint32_t>(hash), static_cast<std::uint32_t>(row)};
    }
    return std::all_of(out.count.begin(), out.count.end(), [&](std::size_t c) { return c <= capacity; });
}

// Two passes: count the rows per partition, then place each row exactly.
template <typename Hasher, typename Usable, typename PartitionOf>
void scatterTwoPass(std::size_t n, std::size_t partitions, const Hasher &hashOf, Usable isUsable,
                    PartitionOf partitionOf, Scattered &out)
{
    out.count.assign(partitions, 0);
    for (std::size_t row = 0; row < n; ++row) {
        if (isUsable(row))
            ++out.count[partitionOf(hashOf(row))];
    }
    out.begin.assign(partitions, 0);
    for (std::size_t p = 1; p < partitions; ++p)
        out.begin[p] = out.begin[p - 1] + out.count[p - 1];
    out.entries.reset(new Entry[out.begin.back() + out.count.back()]);
    std::vector<std::size_t> cursor = out.begin;
    for (std::size_t row = 0; row < n; ++row) {
        if (!isUsable(row))
            continue;
        const std::uint64_t hash = hashOf(row);
        out.entries[cursor[partitionOf(hash)]++] = {static_cast<std::uint32_t>(hash), static_cast<std::uint32_t>(row)};
    }
}

} // namespace

DuplicateSummary findDuplicates(const std::vector<const Column *> &columns, const CancellationToken *cancel,
                                const DuplicateSearchOptions &options)
{
    DuplicateSummary summary;
    const std::size_t n = columns.front()->size();
    const unsigned hashBits = std::clamp(options.hashBits, 1u, 64u);
    const std::uint64_t mask = hashBits == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << hashBits) - 1;
    const KeyHasher hashOf(columns, mask);
    const std::vector<std::uint8_t> usable = usableRows(columns);
    const auto isUsable = [&](std::size_t row) { return usable.empty() || usable[row] != 0; };
    const unsigned bits = partitionBits(n, hashBits);
    const auto partitionOf = [&](std::uint64_t hash) { return bits == 0 ? 0 : hash >> (64 - bits); };
    const std::size_t partitions = std::size_t(1) << bits;

    Scattered scattered;
    if (!scatterOnePass(n, partitions, hashOf, isUsable, partitionOf, scattered))
        scatterTwoPass(n, partitions, hashOf, isUsable, partitionOf, scattered);
    for (const std::size_t count : scattered.count)
        summary.checked += count;
    const auto sameIntegers = [&](std::uint32_t a, std::uint32_t b) {
        for (const std::int64_t *values : hashOf.values()) {
            if (values[a] != values[b])
                return false;
        }
        return true;
    };
    const auto sameCells = [&](std::uint32_t a, std::uint32_t b) {
        for (const Column *column : columns) {
            if (!cellsEqual(*column, a, *column, b))
                return false;
        }
        return true;
    };
    std::vector<Slot> slots;
    std::vector<std::uint32_t> slotOf;
    for (std::size_t p = 0; p < partitions; ++p) {
        if (cancel && cancel->isCancelled()) {
            summary.cancelled = true;
            return summary;
        }
        const Entry *begin = scattered.entries.get() + scattered.begin[p];
        const std::size_t count = scattered.count[p];
        if (hashOf.integers())
            groupPartition(begin, count, slots, slotOf, sameIntegers, summary);
        else
            groupPartition(begin, count, slots, slotOf, sameCells, summary);
    }
    std::sort(summary.duplicatedRows.begin(), summary.duplicatedRows.end());
    return summary;
}

} // namespace loupe
