// libFuzzer target for stored scaler parameters (`scale --apply PARAMS.json`, a run's stored scaler):
// Scaler::fromJsonText on the input text. Properties: no crash; an error has a message; a read scaler
// round-trips (fromJson(toJson()) gives the same JSON) and applies to a value without a sanitizer report.

#include "FuzzSupport.h"

#include "core/prep/Scaler.h"
#include "core/util/JsonReader.h"

namespace {
constexpr const char *kTarget = "fuzz_scaler";
constexpr std::string_view kSource = "fuzz-scaler.json";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string text(fuzz::asText(data, size));
    const Result<Scaler> scaler = Scaler::fromJsonText(text, kSource);
    if (!scaler.isOk()) {
        const std::string &message = scaler.message();
        if (message.empty())
            fuzz::fail(kTarget, "error without a message", "");
        // Errors in the JSON text are JsonReader's (located: fuzz_jsonreader checks them); errors in the
        // document start with the member path instead.
        const Result<nlohmann::json> json = JsonReader::parse(text, kSource);
        if (!json.isOk() && message != json.message())
            fuzz::fail(kTarget, "a JSON error that is not JsonReader's", message + " | " + json.message());
        return 0;
    }
    const nlohmann::ordered_json canonical = scaler.value().toJson();
    const Result<Scaler> again = Scaler::fromJson(nlohmann::json::parse(canonical.dump()));
    if (!again.isOk())
        fuzz::fail(kTarget, "toJson() does not read back", again.message() + "\n" + canonical.dump());
    if (again.value().toJson() != canonical)
        fuzz::fail(kTarget, "round trip changed the scaler", canonical.dump() + "\n" + again.value().toJson().dump());
    if (!isRowScaling(scaler.value().method()))
        for (std::size_t i = 0; i < scaler.value().columns().size(); ++i)
            (void)scaler.value().apply(i, 1.5);
    return 0;
}
