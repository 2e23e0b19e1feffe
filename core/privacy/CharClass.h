#pragma once
// Byte classes shared by the privacy scanners (internal to core/privacy).

#include <array>
#include <cstdint>

namespace loupe::charclass {

enum : std::uint8_t {
    Digit = 1,
    Upper = 2,
    Lower = 4,
    Trigger = 8,     // a byte that may start a finding: digit + ( @ : A-Z
    EmailLocal = 16, // A-Z a-z 0-9 . _ % + -
    Domain = 32,     // A-Z a-z 0-9 . -
    Hex = 64,        // 0-9 a-f A-F
};

constexpr std::array<std::uint8_t, 256> makeTable()
{
    std::array<std::uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
        std::uint8_t bits = 0;
        const bool digit = c >= '0' && c <= '9', upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
        if (digit)
            bits |= Digit | Trigger | EmailLocal | Domain | Hex;
        if (upper)
            bits |= Upper | Trigger | EmailLocal | Domain;
        if (lower)
            bits |= Lower | EmailLocal | Domain;
        if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
            bits |= Hex;
        if (c == '+' || c == '(' || c == '@' || c == ':')
            bits |= Trigger;
        if (c == '.' || c == '_' || c == '%' || c == '+' || c == '-')
            bits |= EmailLocal;
        if (c == '.' || c == '-')
            bits |= Domain;
        table[static_cast<std::size_t>(c)] = bits;
    }
    return table;
}

inline constexpr std::array<std::uint8_t, 256> kTable = makeTable();

inline std::uint8_t of(char c)
{
    return kTable[static_cast<unsigned char>(c)];
}
inline bool isDigit(char c)
{
    return of(c) & Digit;
}
inline bool isUpper(char c)
{
    return of(c) & Upper;
}
inline bool isLower(char c)
{
    return of(c) & Lower;
}
inline bool isHex(char c)
{
    return of(c) & Hex;
}
inline bool isAlnum(char c)
{
    return of(c) & (Digit | Upper | Lower);
}

} // namespace loupe::charclass
