// libFuzzer target for learning-rate schedules: ScheduleSpec::parse on the input text (the --schedule JSON,
// the "schedule" of a model spec). Properties: no crash; a parsed spec validates, round-trips through
// toJson/fromJson unchanged, builds, and its schedule gives finite rates >= 0 at any t >= 0 (Schedule.h).

#include "FuzzSupport.h"

#include "core/optim/ScheduleSpec.h"

#include "core/util/JsonReader.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace {
constexpr const char *kTarget = "fuzz_schedulespec";
constexpr double kTimes[] = {0.0, 0.5, 1.0, 2.0, 3.7, 9.0, 10.0, 99.5, 1e3, 1e6, 1e12};
constexpr std::string_view kSource = "fuzz-schedule.json";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string text(fuzz::asText(data, size));
    const Result<ScheduleSpec> spec = ScheduleSpec::parse(text, kSource);
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
    if (const Status valid = spec.value().validate(); !valid.isOk())
        fuzz::fail(kTarget, "parsed spec does not validate", valid.message());
    const nlohmann::ordered_json canonical = spec.value().toJson();
    const Result<ScheduleSpec> again = ScheduleSpec::fromJson(nlohmann::json::parse(canonical.dump()));
    if (!again.isOk())
        fuzz::fail(kTarget, "toJson() does not parse", again.message() + "\n" + canonical.dump());
    if (again.value().toJson() != canonical)
        fuzz::fail(kTarget, "round trip changed the spec", canonical.dump() + "\n" + again.value().toJson().dump());
    const std::unique_ptr<Schedule> schedule = spec.value().build();
    for (const double t : kTimes) {
        const double rate = schedule->learningRate(t);
        if (!std::isfinite(rate) || rate < 0.0)
            fuzz::fail(kTarget, "rate not finite or negative",
                       "t=" + std::to_string(t) + " rate=" + std::to_string(rate) + " spec " + canonical.dump());
    }
    return 0;
}
