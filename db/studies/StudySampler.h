#pragma once
// The samplers a stored study can name (studies.sampler), built from that name and a seed:
//   "random"       RandomSampler
//   "tpe"          TpeSampler with TpeOptions::defaults()
//   "tpe-hyperopt" TpeSampler with hyperopt's exact rules (the chapter's hyperas behaviour)
//   "tpe-optuna"   TpeSampler with Optuna's variants
// Workers of one study build the sampler from the stored name and a per-worker seed (the study's
// seed mixed with the worker's name), so concurrent workers do not propose identical trials.

#include "core/search/Sampler.h"
#include "core/util/Status.h"

#include <QString>

#include <memory>
#include <string>

namespace loupe {

class StudySampler {
public:
    // The accepted names, for messages and help: "random, tpe, tpe-hyperopt, tpe-optuna".
    static std::string names();
    // InvalidInput naming the accepted names for anything else.
    static Result<std::unique_ptr<Sampler>> create(const std::string &name, std::uint64_t seed);
    // seed for one worker process of a shared study: studySeed itself for worker "" (a single
    // process), else a mix of studySeed and the worker name.
    static std::uint64_t workerSeed(std::uint64_t studySeed, const QString &worker);
};

} // namespace loupe
