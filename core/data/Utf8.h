#pragma once
// UTF-8 validation for text the readers store (RFC 3629: no overlong forms, no surrogates, <= U+10FFFF).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace loupe {

class Utf8 {
public:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    // Index of the first byte of the first invalid sequence in text, or npos when text is valid UTF-8.
    static std::size_t firstInvalid(std::string_view text)
    {
        const char *p = text.data();
        const std::size_t n = text.size();
        std::size_t i = 0;
        // Fast path: eight ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        while (i < n && static_cast<unsigned char>(p[i]) < 0x80)
            ++i;
        return i == n ? npos : firstInvalidFrom(text, i);
    }

    static bool isValid(std::string_view text) { return firstInvalid(text) == npos; }

private:
    // requires: start <= text.size(); checks text[start..] byte by byte.
    static std::size_t firstInvalidFrom(std::string_view text, std::size_t start);
};

} // namespace loupe
