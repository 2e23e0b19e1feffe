#pragma once
// Where each value of a JSON text starts and ends, by JSON pointer ("/tests/0/locals/max_td"), so suite
// errors and reports can say "suite.json:12". nlohmann::json keeps no positions; this is a second, small
// scan of the same text. It also notices duplicate keys in one object (which nlohmann silently collapses).

#include "core/util/Status.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct JsonSpan {
    std::size_t begin = 0; // object member: offset of its key's opening quote; array element: of the value
    std::size_t end = 0;   // one past the value's last character
};

class JsonPositionIndex {
public:
    // requires: text is JSON that nlohmann::json accepted (the scan trusts the grammar).
    // Fails only for a duplicate key: "line L, column C: duplicate key 'k'".
    static Result<JsonPositionIndex> build(std::string_view text);

    // The span of the value at pointer ("" is the whole document), or nullptr.
    const JsonSpan *find(const std::string &pointer) const;
    // 1-based line and column of an offset.
    std::size_t lineOf(std::size_t offset) const;
    std::size_t columnOf(std::size_t offset) const;
    // The 1-based line of pointer's value, falling back to its parents (so a missing key reports the line
    // of the object that lacks it); 1 when nothing matches.
    std::size_t lineFor(std::string pointer) const;

private:
    std::map<std::string, JsonSpan> m_spans;
    std::vector<std::size_t> m_newlines;
};

// Escapes a key for use in a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string jsonPointerToken(std::string_view key);

} // namespace loupe
