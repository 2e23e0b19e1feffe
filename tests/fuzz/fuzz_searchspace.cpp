// libFuzzer target for search templates: SearchSpace::fromTemplateFile (what `loupe-cli search TEMPLATE`
// reads) on the input, and the same text through JsonReader::parse + SearchSpace::fromTemplate (how a shared
// study's stored template is read). Properties: no crash, bounded memory; both ways agree on accepting; a
// parsed space samples, instantiates, and its trial parameters round-trip through TrialParams' JSON form.

#include "FuzzSupport.h"

#include "core/search/RandomSampler.h"
#include "core/search/SearchSpace.h"
#include "core/search/TrialParams.h"
#include "core/util/JsonReader.h"
#include "core/util/RandomGenerator.h"

namespace {
constexpr const char *kTarget = "fuzz_searchspace";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const Result<SearchSpace> fromFile = SearchSpace::fromTemplateFile(fuzz::writeInputFile(data, size));
    Result<SearchSpace> space = Status::invalidInput("not JSON");
    if (const Result<nlohmann::json> json = JsonReader::parse(fuzz::asText(data, size), "fuzz-template.json");
        json.isOk())
        space = SearchSpace::fromTemplate(json.value());
    if (fromFile.isOk() != space.isOk())
        fuzz::fail(kTarget, "file and text entry points disagree", fromFile.isOk() ? space.message() : fromFile.message());
    if (!space.isOk())
        return 0;

    const nlohmann::json description = space.value().describe();
    RandomGenerator rng(size);
    for (int draw = 0; draw < 3; ++draw) {
        const TrialParams params = RandomSampler::sampleFromPrior(space.value(), rng);
        const nlohmann::json stored = params.toJson(space.value());
        const Result<TrialParams> back = TrialParams::fromJson(space.value(), stored);
        if (!back.isOk())
            fuzz::fail(kTarget, "sampled parameters do not read back", back.message() + "\n" + stored.dump());
        if (!(back.value() == params))
            fuzz::fail(kTarget, "parameters changed in the round trip", stored.dump());
        (void)space.value().instantiate(params);
        (void)params.valuesJson(space.value());
    }
    return 0;
}
