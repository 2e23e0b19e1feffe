// libFuzzer target for model specs: ModelSpec::parse on the input text. Properties: no crash; an error has a
// message; a parsed spec round-trips: parse(toJsonText()) succeeds and gives the same canonical JSON.

#include "FuzzSupport.h"

#include "core/train/ModelSpec.h"
#include "core/util/JsonReader.h"

#include <nlohmann/json.hpp>

namespace {
constexpr const char *kTarget = "fuzz_modelspec";
constexpr std::string_view kSource = "fuzz-spec.json";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string text(fuzz::asText(data, size));
    const Result<ModelSpec> spec = ModelSpec::parse(text, kSource);
    if (!spec.isOk()) {
        const std::string &message = spec.message();
        if (message.empty())
            fuzz::fail(kTarget, "error without a message", "");
        // Errors in the JSON text are JsonReader's (located: fuzz_jsonreader checks them); errors in the
        // document start with the member path instead.
        const Result<nlohmann::json> json = JsonReader::parse(text, kSource);
        if (!json.isOk() && message != json.message())
            fuzz::fail(kTarget, "a JSON error that is not JsonReader's", message + " | " + json.message());
        return 0;
    }
    const std::string canonical = spec.value().toJsonText();
    const Result<ModelSpec> again = ModelSpec::parse(canonical);
    if (!again.isOk())
        fuzz::fail(kTarget, "toJsonText() does not parse", again.message() + "\n" + canonical);
    if (again.value().toJson() != spec.value().toJson())
        fuzz::fail(kTarget, "round trip changed the spec", canonical + "\n" + again.value().toJsonText());
    return 0;
}
