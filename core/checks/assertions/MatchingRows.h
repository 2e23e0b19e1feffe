#pragma once
// The rows of a String column that a pattern can or does match, found without calling the matcher on
// every row (the fast paths of RegexAssertion). Rows come back ascending; missing rows (empty text) never
// contain a byte, and are never reported by a search of a pattern that cannot match the empty text.

#include "core/checks/Pattern.h"
#include "core/checks/PatternMemo.h"
#include "core/data/Column.h"
#include "core/util/CancellationToken.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace loupe {

// The rows whose text contains `byte`: one memchr pass over the whole character buffer, each hit mapped to
// its row by a galloping search in the offsets. A superset of the rows a pattern with this requiredByte()
// matches. nullopt when the byte turns out to be common (in more than a quarter of the rows, judged once
// 4096 rows are passed): then a pass over every row is cheaper. requires: column is String.
std::optional<std::vector<std::uint64_t>> rowsContaining(const Column &column, char byte,
                                                         const CancellationToken *cancel);

// Exactly the rows in which the pattern finds a match (search semantics, whatever the pattern's mode).
// Rows go through the memo while it remembers (values repeat). Once the memo has given up (mostly distinct
// values), RE2 searches the rest of the column's character buffer at once, so a row without a match costs
// no call of its own; a match that runs past the end of its row proves nothing and that row is asked alone.
// When most rows hold a match, asking row by row is cheaper, and the rest of the column goes that way.
// requires: column is String; memo is over `pattern`; pattern.matchesLocally() and !pattern.matches("")
// in PatternMode::Search.
std::vector<std::uint64_t> rowsWithMatch(const Column &column, const Pattern &pattern, PatternMemo &memo,
                                         const CancellationToken *cancel);

} // namespace loupe
