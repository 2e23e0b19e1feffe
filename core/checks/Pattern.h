#pragma once
// A compiled `regex` pattern in RE2's syntax (docs/assertions.md), matched by RE2 in time linear in the text
// (no backtracking, so no pattern can hang a check). Texts are UTF-8; `.` also matches a newline (as if the
// pattern began with (?s); write (?-s) to exclude it); ^ and $ anchor to the ends of the text unless (?m) is
// set. Copies share the compiled program, and matches() may be called from several threads at once.

#include "core/util/Status.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace loupe {

enum class PatternMode {
    FullMatch, // the whole value must match (as Python re.fullmatch)
    Search,    // some part of the value must match (as Python re.search)
};

class Pattern {
public:
    // Errors carry RE2's text and, when the piece it quotes can be placed, its 1-based character position:
    // "pattern position 4: invalid escape sequence: \1".
    static Result<Pattern> compile(std::string_view pattern, PatternMode mode);

    // requires (both): a Pattern returned by compile().
    bool matches(std::string_view text) const;
    // The leftmost match that starts at or after `from` in text, whatever the mode, as byte offsets
    // [begin, end) into text; nullopt when there is none.
    struct Span {
        std::size_t begin = 0;
        std::size_t end = 0;
    };
    std::optional<Span> find(std::string_view text, std::size_t from) const;

    // Whether a match found inside a longer text is also a match of just the part that holds it: true when
    // the source has none of the assertions that look at the text around a match (^ $ \A \z \b \B; checked
    // on the source text, so a ^ or $ that is a literal or inside a class also answers false).
    bool matchesLocally() const { return m_matchesLocally; }
    const std::string &source() const { return m_source; }
    // An ASCII byte every matching text contains, or -1 (see PatternFilter.h). Worked out on each call (RE2's
    // prefilter analysis, tens of microseconds), so that validating a pattern does not pay for it.
    int requiredByte() const;

private:
    std::shared_ptr<const re2::RE2> m_regex;
    std::string m_source;
    PatternMode m_mode = PatternMode::FullMatch;
    bool m_matchesLocally = false;
};

} // namespace loupe
