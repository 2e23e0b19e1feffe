#pragma once
// The compiled form of a `regex` assertion pattern: a Thompson NFA over Unicode code points.
//
// Supported syntax (a documented subset of ECMAScript/Python regex; everything else is rejected with the
// character position, never silently read differently):
//   literals (any UTF-8 text), `.` (any code point), classes `[abc]`, `[a-z0-9_]`, `[^...]`,
//   escapes \d \D \w \W \s \S (ASCII meanings) and \. \\ \- \[ \] \( \) \{ \} \* \+ \? \| \^ \$ \/ \t \n \r,
//   groups `( )` and `(?: )` (no captures), alternation `|`, quantifiers `*` `+` `?` `{m}` `{m,}` `{m,n}`
//   (m, n <= 1000), `^` only at the very start and `$` only at the very end of the pattern.
// Not supported: back-references, look-around, lazy or possessive quantifiers, flags, \b, Unicode classes.
// Matching time is linear in the text length (no backtracking), so a hostile pattern cannot hang a check.

#include "core/util/Status.h"

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace loupe {

class CodePointSet {
public:
    void addRange(char32_t first, char32_t last);
    void addSet(const CodePointSet &other); // union (other must not be negated)
    void setNegated(bool negated) { m_negated = negated; }
    // The one ASCII byte this set holds when it holds exactly one code point and it is ASCII; else -1.
    int singleAsciiByte() const;
    bool contains(char32_t cp) const
    {
        if (cp < 128)
            return m_ascii[cp] != m_negated;
        return containsSlow(cp);
    }

private:
    bool containsSlow(char32_t cp) const;
    std::bitset<128> m_ascii;
    std::vector<std::pair<char32_t, char32_t>> m_ranges; // code points >= 128 only
    bool m_negated = false;
};

struct PatternState {
    enum class Kind { Consume, Split, Match };
    Kind kind = Kind::Match;
    int set = -1;  // Consume: index into PatternProgram::sets
    int out = -1;  // Consume/Split: next state
    int out1 = -1; // Split: the second branch
};

struct PatternProgram {
    static constexpr std::size_t kMaxStates = 20000;
    static constexpr std::size_t kMaxPatternLength = 2000;
    std::vector<PatternState> states;
    std::vector<CodePointSet> sets;
    int start = -1;
    bool anchoredStart = false; // the pattern began with ^
    bool anchoredEnd = false;   // the pattern ended with $

    // Parses and compiles. Errors name the 1-based character position, e.g.
    // "pattern position 4: unsupported escape \b".
    static Result<PatternProgram> compile(std::string_view pattern);
};

// Decodes one UTF-8 code point at text[i] and advances i; invalid bytes decode as U+FFFD (one byte).
char32_t decodeUtf8(std::string_view text, std::size_t &i);

} // namespace loupe
