#pragma once
// The one way Loupe turns JSON text into a document: suites, model specs, schedules, search templates,
// scaler parameters, stored study rows. Hostile text cannot take the process down through it:
// - a size limit and a nesting-depth limit are checked before the document is built, so no later copy,
//   dump or recursive walk can exhaust the stack or grow without bound;
// - a number outside the range of a double is an error, not infinity;
// - every failure of the JSON library becomes a Status, never an exception.
// Errors read "SOURCE:LINE:COLUMN: what (at PATH)", where PATH is the member path in the style of the
// spec parsers ("tests[0].min", "(root)").

#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace loupe {

struct JsonLimits {
    std::size_t maxBytes = std::size_t(64) << 20; // 64 MiB: far above any spec, suite or template
    int maxDepth = 64;                             // nested arrays/objects; real documents stay under 10
};

class JsonReader {
public:
    // source: how messages name the text ("suite.json", "--schedule", "study 3's template").
    static Result<nlohmann::json> parse(std::string_view text, std::string_view source, JsonLimits limits = {});
    static Result<nlohmann::ordered_json> parseOrdered(std::string_view text, std::string_view source,
                                                       JsonLimits limits = {});
    // Reads and parses a file; refuses it before reading when it is larger than limits.maxBytes.
    static Result<nlohmann::json> parseFile(const std::string &path, JsonLimits limits = {});
    static Result<nlohmann::ordered_json> parseOrderedFile(const std::string &path, JsonLimits limits = {});

    // For rows Loupe stored itself, where an unreadable row reads as absent: the document, or null when
    // parse() refuses the text (with the same limits, so a tampered row cannot hurt either).
    static nlohmann::json parseOrNull(std::string_view text);
    static nlohmann::ordered_json parseOrderedOrNull(std::string_view text);

    // Reads a whole file (a regular file of at most maxBytes) as text, for callers that keep the text too.
    static Result<std::string> readFile(const std::string &path, std::size_t maxBytes = JsonLimits().maxBytes);
};

} // namespace loupe
