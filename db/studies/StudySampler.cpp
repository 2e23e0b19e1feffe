#include "db/studies/StudySampler.h"

#include "core/search/RandomSampler.h"
#include "core/search/TpeSampler.h"

namespace loupe {

std::string StudySampler::names()
{
    return "random, tpe, tpe-hyperopt, tpe-optuna";
}

Result<std::unique_ptr<Sampler>> StudySampler::create(const std::string &name, std::uint64_t seed)
{
    if (name == "random")
        return std::unique_ptr<Sampler>(std::make_unique<RandomSampler>(seed));
    if (name == "tpe")
        return std::unique_ptr<Sampler>(std::make_unique<TpeSampler>(TpeOptions::defaults(), seed));
    if (name == "tpe-hyperopt")
        return std::unique_ptr<Sampler>(std::make_unique<TpeSampler>(TpeOptions::hyperopt(), seed));
    if (name == "tpe-optuna")
        return std::unique_ptr<Sampler>(std::make_unique<TpeSampler>(TpeOptions::optunaLike(), seed));
    return Status::invalidInput("unknown sampler '" + name + "' (one of " + names() + ")");
}

std::uint64_t StudySampler::workerSeed(std::uint64_t studySeed, const QString &worker)
{
    if (worker.isEmpty())
        return studySeed;
    // FNV-1a over the name, then a splitmix64 finalizer over the mix.
    std::uint64_t hash = 1469598103934665603ull;
    for (const QChar c : worker) {
        hash ^= c.unicode();
        hash *= 1099511628211ull;
    }
    std::uint64_t z = studySeed ^ hash;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

} // namespace loupe
