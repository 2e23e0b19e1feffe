#pragma once
// The keep/drop decision of one Dropout training call, shared by Dropout and by Dense's fused
// epilogue (Dense + Dropout in one pass over memory). Element i of the batch (row-major index) is
// kept when a keyed hash of i is >= threshold: no mask buffer, the same bits in backward as in
// forward and the same mask whatever the thread count or the pass that applies it.

#include <cstdint>

namespace loupe {

struct DropoutMask {
    std::uint32_t key1 = 0;
    std::uint32_t key2 = 0;
    std::uint32_t threshold = 0; // keep when hash >= threshold; 0 keeps everything
    float scale = 1.0f;          // 1 / (1 - rate)

    // Two rounds of a 32-bit xor-shift-multiply finalizer, each keyed: a permutation of the index
    // that mixes well and vectorizes (16 lanes with AVX-512).
    static std::uint32_t hash(std::uint32_t index, std::uint32_t key1, std::uint32_t key2)
    {
        std::uint32_t h = index * 0x9E3779B9u + key1;
        h ^= h >> 16;
        h *= 0x21F0AAADu;
        h ^= h >> 15;
        h *= 0x735A2D97u;
        h ^= h >> 15;
        h ^= key2;
        h ^= h >> 16;
        h *= 0x7FEB352Du;
        h ^= h >> 15;
        h *= 0x846CA68Bu;
        h ^= h >> 16;
        return h;
    }

    bool keep(std::uint32_t index) const { return hash(index, key1, key2) >= threshold; }
};

} // namespace loupe
