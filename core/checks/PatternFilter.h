#pragma once
// Cheap facts about a compiled pattern that let a scan skip texts without running the matcher.

#include "core/checks/PatternProgram.h"

namespace loupe {

// An ASCII byte that every match contains (a literal on every path from start to Match), or -1 when the
// analysis finds none. A text without the byte cannot match, in either PatternMode (a match of the whole
// text or of a part of it), so callers may skip such texts with memchr. The byte is never part of a
// multi-byte UTF-8 sequence. Punctuation is preferred over letters, digits and space (rarer in text).
int requiredByte(const PatternProgram &program);

} // namespace loupe
