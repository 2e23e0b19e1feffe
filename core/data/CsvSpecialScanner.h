#pragma once
// Finds the next "special" byte of CSV text (the delimiter, '\n', '\r' or '"') 64 bytes at a time:
// one block load gives a bit mask of the specials, and each following field end costs a count-trailing-
// zeros, so short unquoted fields do not pay a byte-by-byte loop. Scalar at the text's last 63 bytes
// and on CPUs without SSE2.
//
// A scanner is cheap to build and holds only its current block; use one per thread.

#include <cstddef>
#include <cstdint>
#include <string_view>

#if defined(__AVX2__) || defined(__SSE2__)
#include <immintrin.h>
#endif

namespace loupe {

class CsvSpecialScanner {
public:
    CsvSpecialScanner(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter)
    {
#if defined(__AVX2__)
        m_d = _mm256_set1_epi8(delimiter);
        m_n = _mm256_set1_epi8('\n');
        m_r = _mm256_set1_epi8('\r');
        m_q = _mm256_set1_epi8('"');
#elif defined(__SSE2__)
        m_d = _mm_set1_epi8(delimiter);
        m_n = _mm_set1_epi8('\n');
        m_r = _mm_set1_epi8('\r');
        m_q = _mm_set1_epi8('"');
#endif
    }

    // The offset of the first special byte at or after pos, or text.size() when there is none.
    std::size_t next(std::size_t pos)
    {
        const std::size_t size = m_text.size();
        for (;;) {
            if (pos < m_blockStart || pos >= m_blockStart + kBlock) {
                if (pos + kBlock > size)
                    return scalar(pos);
                load(pos);
            }
            const std::uint64_t mask = m_mask & (~std::uint64_t(0) << (pos - m_blockStart));
            if (mask != 0)
                return m_blockStart + static_cast<std::size_t>(__builtin_ctzll(mask));
            pos = m_blockStart + kBlock;
        }
    }

    // The number of '"' bytes in [from, to).
    static std::uint64_t countQuotes(const char *from, const char *to)
    {
        std::uint64_t count = 0;
#if defined(__AVX2__)
        const __m256i q = _mm256_set1_epi8('"');
        for (; from + 32 <= to; from += 32) {
            const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(from));
            count += static_cast<std::uint64_t>(
                __builtin_popcount(static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(x, q)))));
        }
#elif defined(__SSE2__)
        const __m128i q = _mm_set1_epi8('"');
        for (; from + 16 <= to; from += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(from));
            count += static_cast<std::uint64_t>(
                __builtin_popcount(static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, q)))));
        }
#endif
        for (; from < to; ++from)
            count += *from == '"';
        return count;
    }

private:
    static constexpr std::size_t kBlock = 64;

    bool isSpecial(char c) const { return c == m_delimiter || c == '\n' || c == '\r' || c == '"'; }

    std::size_t scalar(std::size_t pos) const
    {
        while (pos < m_text.size() && !isSpecial(m_text[pos]))
            ++pos;
        return pos;
    }

    // requires: at + kBlock <= text size.
    void load(std::size_t at)
    {
        const char *p = m_text.data() + at;
        m_blockStart = at;
#if defined(__AVX2__)
        const auto bits = [&](const char *from) {
            const __m256i x = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(from));
            const __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(x, m_d), _mm256_cmpeq_epi8(x, m_n)),
                                                _mm256_or_si256(_mm256_cmpeq_epi8(x, m_r), _mm256_cmpeq_epi8(x, m_q)));
            return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(hit)));
        };
        m_mask = bits(p) | (bits(p + 32) << 32);
#elif defined(__SSE2__)
        const auto bits = [&](const char *from) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(from));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, m_d), _mm_cmpeq_epi8(x, m_n)),
                                             _mm_or_si128(_mm_cmpeq_epi8(x, m_r), _mm_cmpeq_epi8(x, m_q)));
            return static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit)));
        };
        m_mask = bits(p) | (bits(p + 16) << 16) | (bits(p + 32) << 32) | (bits(p + 48) << 48);
#else
        m_mask = 0;
        for (std::size_t i = 0; i < kBlock; ++i)
            if (isSpecial(p[i]))
                m_mask |= std::uint64_t(1) << i;
#endif
    }

    std::string_view m_text;
    char m_delimiter;
    std::size_t m_blockStart = static_cast<std::size_t>(-1) / 2; // no block loaded yet
    std::uint64_t m_mask = 0;
#if defined(__AVX2__)
    __m256i m_d, m_n, m_r, m_q;
#elif defined(__SSE2__)
    __m128i m_d, m_n, m_r, m_q;
#endif
};

} // namespace loupe
