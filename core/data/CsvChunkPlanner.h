#pragma once
// Splits the data part of a CSV text into chunks that start at record boundaries, so that chunks can be
// parsed in parallel.
//
// The quote state at an arbitrary byte is the parity of the quote characters before it (in RFC 4180 text
// every quote opens, closes, or is half of a "" pair, each of which flips the state). The planner counts
// quotes per segment in parallel, and from each segment start walks to the first '\n' outside quotes.
// Text with stray quotes can fool the parity; CsvReader verifies that each chunk's last record ends exactly
// at the next chunk's start and falls back to one sequential parse when not.

#include <cstddef>
#include <string_view>
#include <vector>

namespace loupe {

struct CsvChunk {
    std::size_t begin = 0;
    std::size_t end = 0;
};

class CsvChunkPlanner {
public:
    // The chunk size used when CsvOptions::chunkBytes is 0: depends on the data size only.
    static std::size_t automaticChunkBytes(std::size_t dataBytes);

    // Chunks covering [begin, text.size()) in order, none empty, each but the first starting right after
    // a '\n' that lies outside quotes (by parity). requires: begin is a record start outside quotes.
    static std::vector<CsvChunk> plan(std::string_view text, std::size_t begin, std::size_t chunkBytes, int threads);
};

} // namespace loupe
