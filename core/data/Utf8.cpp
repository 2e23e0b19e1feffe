#include "core/data/Utf8.h"

namespace loupe {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0) == 0x80;
}

// Length of the valid sequence starting at text[i], or 0 when it is invalid.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = at(i);
    const std::size_t left = text.size() - i;
    if (lead < 0x80)
        return 1;
    if (lead >= 0xC2 && lead <= 0xDF)
        return left >= 2 && isContinuation(at(i + 1)) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !isContinuation(at(i + 1)) || !isContinuation(at(i + 2)))
            return 0;
        if (lead == 0xE0 && at(i + 1) < 0xA0) // overlong
            return 0;
        if (lead == 0xED && at(i + 1) > 0x9F) // UTF-16 surrogate
            return 0;
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !isContinuation(at(i + 1)) || !isContinuation(at(i + 2)) || !isContinuation(at(i + 3)))
            return 0;
        if (lead == 0xF0 && at(i + 1) < 0x90) // overlong
            return 0;
        if (lead == 0xF4 && at(i + 1) > 0x8F) // above U+10FFFF
            return 0;
        return 4;
    }
    return 0; // continuation byte as lead, C0/C1 overlong leads, F5..FF
}

} // namespace

std::size_t Utf8::firstInvalidFrom(std::string_view text, std::size_t start)
{
    std::size_t i = start;
    while (i < text.size()) {
        const std::size_t length = sequenceLength(text, i);
        if (length == 0)
            return i;
        i += length;
    }
    return npos;
}

} // namespace loupe
