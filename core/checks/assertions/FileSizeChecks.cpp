#include "core/checks/assertions/FileSizeChecks.h"

#include <cstdio>

namespace loupe {

namespace {

std::string bytes(std::int64_t size)
{
    return std::to_string(size) + (size == 1 ? " byte" : " bytes");
}

std::string observedSize(std::int64_t size)
{
    return "size = " + bytes(size);
}

Status validateSize(const AssertionParams &params, const char *key)
{
    Result<std::int64_t> size = params.integer(key);
    if (!size.isOk())
        return size.status();
    if (size.value() < 0)
        return Status::invalidInput("parameter '" + std::string(key) + "': a size cannot be negative");
    return Status::ok();
}

} // namespace

Status FileSizeChecks::validateBetween(const AssertionParams &params)
{
    if (!params.has("min") && !params.has("max"))
        return Status::invalidInput("parameter 'min' or 'max' is required");
    for (const char *key : {"min", "max"}) {
        if (params.has(key)) {
            if (Status status = validateSize(params, key); !status.isOk())
                return status;
        }
    }
    return Status::ok();
}

Status FileSizeChecks::validateEqual(const AssertionParams &params)
{
    return validateSize(params, "size");
}

Status FileSizeChecks::validateAlmostEqual(const AssertionParams &params)
{
    if (Status status = validateSize(params, "size"); !status.isOk())
        return status;
    if (params.has("delta") && params.has("places"))
        return Status::invalidInput("parameter 'delta': give either 'delta' or 'places', not both");
    if (params.has("delta")) {
        Result<double> delta = params.number("delta");
        if (!delta.isOk())
            return delta.status();
        if (!(delta.value() >= 0.0))
            return Status::invalidInput("parameter 'delta': expected a number >= 0");
    }
    if (params.has("places")) {
        Result<std::int64_t> places = params.integer("places");
        if (!places.isOk())
            return places.status();
    }
    return Status::ok();
}

FileFinding FileSizeChecks::between(std::int64_t size, const AssertionParams &params)
{
    FileFinding finding;
    finding.observed = observedSize(size);
    finding.holds = true;
    if (params.has("min") && size < params.integer("min").value()) {
        finding.holds = false;
        finding.whyNot = "the file has " + bytes(size) + ", fewer than min " + std::to_string(params.integer("min").value());
    } else if (params.has("max") && size > params.integer("max").value()) {
        finding.holds = false;
        finding.whyNot = "the file has " + bytes(size) + ", more than max " + std::to_string(params.integer("max").value());
    }
    return finding;
}

FileFinding FileSizeChecks::equal(std::int64_t size, const AssertionParams &params)
{
    const std::int64_t wanted = params.integer("size").value();
    FileFinding finding;
    finding.observed = observedSize(size);
    finding.holds = size == wanted;
    finding.whyNot = "the file has " + bytes(size) + ", not " + std::to_string(wanted);
    finding.why = "the file has " + bytes(size) + ", exactly the size it must not have";
    return finding;
}

bool FileSizeChecks::almostEqualByPlaces(std::int64_t difference, std::int64_t places)
{
    if (places >= 0)
        return difference == 0; // an integer rounded to 0 or more decimal places keeps its value
    if (places < -20)
        return true;            // 10^20 / 2 exceeds any int64 difference
    // round(d, places) == 0 with half to even  <=>  2 |d| <= 10^-places (a tie rounds to 0, which is even).
    __int128 unit = 1;
    for (std::int64_t i = 0; i < -places; ++i)
        unit *= 10;
    __int128 twice = static_cast<__int128>(difference) * 2;
    if (twice < 0)
        twice = -twice;
    return twice <= unit;
}

FileFinding FileSizeChecks::almostEqual(std::int64_t size, const AssertionParams &params)
{
    const std::int64_t wanted = params.integer("size").value();
    const std::int64_t difference = size - wanted;
    FileFinding finding;
    finding.observed = observedSize(size) + ", difference " + std::to_string(difference);
    std::string tolerance;
    if (params.has("delta")) {
        const double delta = params.number("delta").value();
        finding.holds = static_cast<double>(difference < 0 ? -difference : difference) <= delta;
        char text[32];
        std::snprintf(text, sizeof text, "%.15g", delta);
        tolerance = "within delta " + std::string(text);
    } else {
        const std::int64_t places = params.has("places") ? params.integer("places").value() : 7;
        finding.holds = almostEqualByPlaces(difference, places);
        tolerance = "equal to " + std::to_string(places) + " places";
    }
    finding.whyNot = "the file has " + bytes(size) + ", not " + tolerance + " of " + std::to_string(wanted);
    finding.why = "the file has " + bytes(size) + ", " + tolerance + " of " + std::to_string(wanted);
    return finding;
}

FileFinding FileSizeChecks::zero(std::int64_t size)
{
    FileFinding finding;
    finding.observed = observedSize(size);
    finding.holds = size == 0;
    finding.whyNot = "the file is not empty: it has " + bytes(size);
    finding.why = "the file is empty (0 bytes)";
    return finding;
}

} // namespace loupe
