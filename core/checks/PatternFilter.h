#pragma once
// Cheap facts about a compiled pattern that let a scan skip texts without running the matcher.

namespace re2 {
class RE2;
}

namespace loupe {

// An ASCII byte that every match contains, or -1 when none is found. A text without the byte cannot match,
// in either PatternMode (a match of the whole text or of a part of it), so callers may skip such texts with
// memchr. The analysis is RE2's own prefilter (the strings FilteredRE2 requires before it runs a pattern):
// a byte is taken from a string the prefilter cannot do without. Those strings are lowercased, so letters
// are never named (the text may hold either case); punctuation is preferred over digits and space.
// requires: regex.ok().
int requiredByte(const re2::RE2 &regex);

} // namespace loupe
