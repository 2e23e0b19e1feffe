// libFuzzer target for date/time cells (DateTimeParser: CSV columns, date('...') in expressions, datetime
// bounds of assertions). Properties: no crash; whatever parses formats (formatDateTime) into text that
// parses back to the same instant.

#include "FuzzSupport.h"

#include "core/data/DateTime.h"
#include "core/data/DateTimeParser.h"

namespace {
constexpr const char *kTarget = "fuzz_datetime";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    std::int64_t nanos = 0;
    if (!DateTimeParser::parse(fuzz::asText(data, size), nanos))
        return 0;
    const std::string formatted = formatDateTime(nanos);
    std::int64_t again = 0;
    if (!DateTimeParser::parse(formatted, again))
        fuzz::fail(kTarget, "formatted instant does not parse", formatted);
    if (again != nanos)
        fuzz::fail(kTarget, "round trip moved the instant",
                   formatted + ": " + std::to_string(nanos) + " -> " + std::to_string(again));
    return 0;
}
