#pragma once
// Masked forms of found values, for reports and cleaned files. A masked value never shows the whole
// value: at most the last four digits of an SSN, card, IBAN or phone number (cards also keep their
// first four, the issuer's prefix), the first character of an e-mail's local part with its domain, the
// first octet / group of an IP address, the century of a birth date, the initials of a person's name.
// Separators and length stay as written so the shape remains recognizable: 123-45-6789 -> ***-**-6789,
// 4111 1111 1111 1111 -> 4111 **** **** 1111, john@example.com -> j***@example.com, 192.168.1.20 -> 192.*.*.*,
// 1985-03-02 -> 19**-**-**, Ann O'Neil -> A** O****.

#include "core/privacy/PiiKind.h"

#include <string>
#include <string_view>

namespace loupe {

class PiiMasker {
public:
    // `value` is the text of one finding of `kind`.
    static std::string mask(PiiKind kind, std::string_view value);

    // Any cell, whatever it holds: the first character (when the value has at least four) and a '*' for
    // every other character (UTF-8 sequences count as one). Empty stays empty.
    static std::string maskWhole(std::string_view value);

private:
    static std::string keepDigits(std::string_view value, int keepFirst, int keepLast);
};

} // namespace loupe
