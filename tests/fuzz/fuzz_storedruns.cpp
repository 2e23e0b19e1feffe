// libFuzzer target for the JSON documents a stored run holds (read back from the workspace database by the
// CLI and the Learning-rate page): lr-find summaries and configs, snapshot reports and configs. The first
// input byte picks the reader, the rest is the JSON text. Properties: no crash; a summary that reads
// round-trips (written again and read again, it gives the same JSON).

#include "FuzzSupport.h"

#include "core/lr/LrFindRunJson.h"
#include "core/lr/SnapshotReportJson.h"

#include <nlohmann/json.hpp>

namespace {
constexpr const char *kTarget = "fuzz_storedruns";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    if (size == 0)
        return 0;
    const std::string text(fuzz::asText(data + 1, size - 1));
    switch (data[0] & 3) {
    case 0: {
        const Result<LrFindResult> result = lrFindResultFromJson(text);
        if (!result.isOk())
            return 0;
        const std::string written = lrFindResultJson(result.value()).dump();
        const Result<LrFindResult> again = lrFindResultFromJson(written);
        if (!again.isOk())
            fuzz::fail(kTarget, "written lr-find summary does not read", again.message() + "\n" + written);
        if (lrFindResultJson(again.value()).dump() != written)
            fuzz::fail(kTarget, "lr-find summary changed in the round trip", written);
        break;
    }
    case 1: {
        const Result<SnapshotReport> report = snapshotReportFromJson(text);
        if (!report.isOk())
            return 0;
        const std::string written = snapshotReportJson(report.value()).dump();
        const Result<SnapshotReport> again = snapshotReportFromJson(written);
        if (!again.isOk())
            fuzz::fail(kTarget, "written snapshot report does not read", again.message() + "\n" + written);
        if (snapshotReportJson(again.value()).dump() != written)
            fuzz::fail(kTarget, "snapshot report changed in the round trip", written);
        break;
    }
    case 2:
        (void)lrFindConfigFromJson(text);
        break;
    default:
        (void)snapshotConfigFromJson(text);
        break;
    }
    return 0;
}
