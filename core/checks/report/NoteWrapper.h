#pragma once
// Lays out a test's formatted note for the text report the way marbles does:
//   - common leading whitespace is removed first (so a note may be indented in the suite);
//   - each paragraph (blank-line separated) is wrapped on its own at `width` columns, counting
//     the one-tab indent every line gets as one column;
//   - words are never broken, so a word longer than a line stands alone on its line;
//   - a paragraph that starts like a list item ("1.", "12)", "a)", "-", "*") continues under
//     the item's text (a hanging indent);
//   - a line break inside a paragraph starts a new list item when the next line is one, and is
//     otherwise a space, as in running text.
// Blank lines between paragraphs are kept (as an indent-only line).

#include <string>
#include <vector>

namespace loupe {

class NoteWrapper {
public:
    static constexpr int defaultWidth = 72;

    // requires: width >= 10. Returns the lines without their tab indent; "" for a blank line.
    static std::vector<std::string> wrap(const std::string &note, int width = defaultWidth);

    // The length of the list marker with its following spaces at the start of `line` (after
    // any leading spaces), or 0 when the line does not start a list item.
    static std::size_t listMarkerLength(const std::string &line);
};

} // namespace loupe
