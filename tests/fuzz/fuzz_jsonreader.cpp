// libFuzzer target for JsonReader, the one entry point for JSON text (built only with -DLOUPE_BUILD_FUZZ=ON and
// clang; run by scripts/fuzz.sh). The input is the JSON text. Properties:
// - it never crashes, whatever the nesting or the numbers;
// - when it accepts, the JSON library accepts the same text and builds an equal document, and the ordered
//   form is accepted too and equal;
// - when it refuses, the message starts with "SOURCE:LINE:COLUMN: ", and a syntax error is one the JSON
//   library reports too (the guard scan must not refuse valid shallow JSON as malformed);
// - text holding a NUL byte is refused (the library would silently stop reading there).

#include "FuzzSupport.h"

#include "core/util/JsonReader.h"

#include <nlohmann/json.hpp>

namespace {

constexpr const char *kTarget = "fuzz_jsonreader";
constexpr std::string_view kSource = "fuzz.json";

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string_view text = fuzz::asText(data, size);
    const Result<nlohmann::json> document = JsonReader::parse(text, kSource);
    const Result<nlohmann::ordered_json> ordered = JsonReader::parseOrdered(text, kSource);
    if (document.isOk() != ordered.isOk())
        fuzz::fail(kTarget, "parse and parseOrdered disagree", document.isOk() ? ordered.message() : document.message());

    if (document.isOk()) {
        // The JSON library stops at a NUL byte; JsonReader must not accept text with a part it did not read.
        if (text.find('\0') != std::string_view::npos)
            fuzz::fail(kTarget, "accepted text holding a NUL byte", document.value().dump());
        nlohmann::json reference;
        try {
            reference = nlohmann::json::parse(text.begin(), text.end());
        } catch (const nlohmann::json::exception &error) {
            fuzz::fail(kTarget, "accepted what the JSON library refuses", error.what());
        }
        if (reference != document.value())
            fuzz::fail(kTarget, "document differs from the JSON library's", document.value().dump());
        if (nlohmann::json::parse(ordered.value().dump()) != document.value())
            fuzz::fail(kTarget, "ordered document differs", ordered.value().dump());
        return 0;
    }

    const std::string &message = document.message();
    if (message != ordered.message())
        fuzz::fail(kTarget, "parse and parseOrdered give different messages", message + " | " + ordered.message());
    if (!fuzz::startsWithLocation(message, kSource))
        fuzz::fail(kTarget, "message does not start with source:line:column", message);
    // The refusal is the text after "SOURCE:LINE:COLUMN: " (a member path quoted later may hold anything).
    const std::string_view what = std::string_view(message).substr(message.find(' ') + 1);
    if (fuzz::startsWith(what, "not valid JSON") && nlohmann::json::accept(text.begin(), text.end()))
        fuzz::fail(kTarget, "refused as not valid JSON what the JSON library accepts", message);
    return 0;
}
