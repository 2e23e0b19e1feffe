// libFuzzer target for search templates: SearchSpace::fromTemplateFile (what `loupe-cli search TEMPLATE`
// reads) on the input, and the same text through SearchSpace::fromTemplateText (the Search page's form, a
// shared study's stored template). Properties: no crash, bounded memory (issue 13: deep nesting grew memory
// with the square of the depth); both ways agree, each error names its source; a parsed space samples,
// instantiates, and its trial parameters round-trip through TrialParams' JSON form.

#include "FuzzSupport.h"

#include "core/search/RandomSampler.h"
#include "core/search/SearchSpace.h"
#include "core/search/TrialParams.h"
#include "core/util/RandomGenerator.h"

namespace {
constexpr const char *kTarget = "fuzz_searchspace";
constexpr std::string_view kSource = "fuzz-template.json";
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string &path = fuzz::writeInputFile(data, size);
    const Result<SearchSpace> fromFile = SearchSpace::fromTemplateFile(path);
    const Result<SearchSpace> space = SearchSpace::fromTemplateText(fuzz::asText(data, size), kSource);
    if (fromFile.isOk() != space.isOk())
        fuzz::fail(kTarget, "file and text entry points disagree", fromFile.isOk() ? space.message() : fromFile.message());
    if (!space.isOk()) {
        if (!fuzz::startsWith(space.message(), std::string(kSource) + ":"))
            fuzz::fail(kTarget, "message does not start with the source", space.message());
        if (!fuzz::startsWith(fromFile.message(), path + ":"))
            fuzz::fail(kTarget, "message does not start with the path", fromFile.message());
        return 0;
    }

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
