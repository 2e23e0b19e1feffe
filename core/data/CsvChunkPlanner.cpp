#include "core/data/CsvChunkPlanner.h"

#include "core/data/CsvSpecialScanner.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace loupe {

std::size_t CsvChunkPlanner::automaticChunkBytes(std::size_t dataBytes)
{
    constexpr std::size_t kMin = std::size_t(1) << 20;  // 1 MiB: below this, threads cost more than they win
    constexpr std::size_t kMax = std::size_t(32) << 20; // 32 MiB: keeps per-chunk builders small
    return std::clamp<std::size_t>(dataBytes / 16, kMin, kMax);
}

std::vector<CsvChunk> CsvChunkPlanner::plan(std::string_view text, std::size_t begin, std::size_t chunkBytes,
                                            int threads)
{
    const std::size_t size = text.size();
    if (begin >= size)
        return {};
    chunkBytes = std::max<std::size_t>(chunkBytes, 1);
    const std::size_t segments = (size - begin + chunkBytes - 1) / chunkBytes;
    const auto segmentStart = [&](std::size_t k) { return std::min(size, begin + k * chunkBytes); };

    // Pass 1: quotes per segment, in parallel; the parity before segment k is the prefix sum's.
    std::vector<std::uint64_t> quotes(segments, 0);
#pragma omp parallel for schedule(static) num_threads(threads) if (segments > 1)
    for (std::int64_t k = 0; k < static_cast<std::int64_t>(segments); ++k) {
        const char *from = text.data() + segmentStart(static_cast<std::size_t>(k));
        const char *to = text.data() + segmentStart(static_cast<std::size_t>(k) + 1);
        quotes[static_cast<std::size_t>(k)] = CsvSpecialScanner::countQuotes(from, to);
    }
    std::vector<bool> inQuotes(segments, false);
    std::uint64_t total = 0;
    for (std::size_t k = 0; k < segments; ++k) {
        inQuotes[k] = (total & 1) != 0;
        total += quotes[k];
    }

    // Pass 2: from each segment start, the first record start; npos when the segment holds none.
    constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::vector<std::size_t> starts(segments + 1, npos);
    starts[0] = begin;
    starts[segments] = size;
#pragma omp parallel for schedule(static) num_threads(threads) if (segments > 2)
    for (std::int64_t k = 1; k < static_cast<std::int64_t>(segments); ++k) {
        const std::size_t from = segmentStart(static_cast<std::size_t>(k));
        const std::size_t to = segmentStart(static_cast<std::size_t>(k) + 1);
        bool quoted = inQuotes[static_cast<std::size_t>(k)];
        const char *pos = text.data() + from;
        const char *const limit = text.data() + to;
        // Line break by line break: the quotes before each one tell whether it is outside quotes.
        while (const void *hit = std::memchr(pos, '\n', static_cast<std::size_t>(limit - pos))) {
            const char *newline = static_cast<const char *>(hit);
            quoted ^= (CsvSpecialScanner::countQuotes(pos, newline) & 1) != 0;
            if (!quoted) {
                starts[static_cast<std::size_t>(k)] = static_cast<std::size_t>(newline - text.data()) + 1;
                break;
            }
            pos = newline + 1;
        }
    }

    std::vector<CsvChunk> chunks;
    std::size_t chunkBegin = begin;
    for (std::size_t k = 1; k <= segments; ++k) {
        if (starts[k] == npos || starts[k] <= chunkBegin)
            continue;
        chunks.push_back({chunkBegin, starts[k]});
        chunkBegin = starts[k];
    }
    return chunks;
}

} // namespace loupe
