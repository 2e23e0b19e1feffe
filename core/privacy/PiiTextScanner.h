#pragma once
// Finds personal data inside one cell's text in a single pass over its bytes, without regular
// expressions: a 256-entry character-class table skips ordinary letters; a digit (or '+', '(') starts a
// "cluster" of digit groups joined by single separators (space - . /) that is then matched against the
// shapes of IPv4, birth dates, SSNs, card numbers and phone numbers; '@' starts an e-mail check (the local
// part is read backwards), ':' an IPv6 check, an upper-case letter at a word start an IBAN check. Each
// candidate is confirmed by the validators of PiiValidators.h. See docs/privacy.md for the exact rules.
//
// Findings never overlap and come in text order. A candidate must stand alone: the characters around it
// may not be letters or digits (and for digit groups, not glued to more groups by - . or /).
// Thread-safe: a scanner holds only its column hints.

#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/PiiKind.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace loupe {

struct PiiSpan {
    PiiKind kind = PiiKind::Ssn;
    std::uint32_t offset = 0; // byte offset in the text
    std::uint32_t length = 0; // bytes
};

class PiiTextScanner {
public:
    // The hints widen what counts: birthDate -> dates are birth dates (elsewhere a date needs "born", "birth"
    // or "dob" just before it); ssn -> nine bare digits are checked as an SSN; phone -> ten bare digits
    // (or eleven starting with 1) are checked as a North-American number.
    explicit PiiTextScanner(ColumnNameHints hints = {});

    const ColumnNameHints &hints() const { return m_hints; }

    // Appends the findings in `text` to `out`. requires: text.size() < 4 GiB.
    // ensures: returns how many spans were appended.
    std::size_t scan(std::string_view text, std::vector<PiiSpan> &out) const;

    // True when scan(text) gives exactly one finding, of `kind`, covering all of `text`.
    bool matchesWhole(std::string_view text, PiiKind kind) const;

private:
    ColumnNameHints m_hints;
};

} // namespace loupe
