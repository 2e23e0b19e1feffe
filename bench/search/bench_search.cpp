// Loupe's half of bench/search: prints one JSON object
// {"regret": {function: {sampler: median}}, "suggest_ms": {sampler: {"100": ms, "1000": ms}}}.
// Usage: bench_search [--seeds 20] [--trials 100] [--timing-suggestions 100]

#include "core/util/RandomGenerator.h"
#include "core/search/InMemoryTrialStore.h"
#include "core/search/RandomSampler.h"
#include "core/search/Study.h"
#include "core/search/TestFunction.h"
#include "core/search/TpeSampler.h"
#include "core/util/Timer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>
#include <span>
#include <string>
#include <vector>

using namespace loupe;

namespace {

struct SamplerEntry {
    std::string name;
    std::function<std::unique_ptr<Sampler>(std::uint64_t seed)> make;
};

std::vector<SamplerEntry> samplers()
{
    return {
        {"tpe_default", [](std::uint64_t s) { return std::make_unique<TpeSampler>(TpeOptions::defaults(), s); }},
        {"tpe_hyperopt", [](std::uint64_t s) { return std::make_unique<TpeSampler>(TpeOptions::hyperopt(), s); }},
        {"random", [](std::uint64_t s) { return std::make_unique<RandomSampler>(s); }},
    };
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double bestRegret(TestFunction &function, const Sampler &sampler, int trials)
{
    InMemoryTrialStore store;
    StudyOptions options;
    options.maxTrials = trials;
    Study study(function.space(), sampler, store, options);
    CancellationToken token;
    const StudySummary summary = study.optimize(function, token);
    return summary.best ? *summary.best->loss - function.optimum() : 1e300;
}

// A history of `size` COMPLETE trials drawn at random (the same kind of history the Optuna peer times on).
std::vector<Trial> randomHistory(const TestFunction &function, int size)
{
    std::vector<Trial> history;
    RandomGenerator rng(4242);
    for (int i = 0; i < size; ++i) {
        Trial trial;
        trial.number = i;
        trial.state = TrialState::Complete;
        trial.params = RandomSampler::sampleFromPrior(function.space(), rng);
        trial.loss = function.value(trial.params);
        history.push_back(std::move(trial));
    }
    return history;
}

double cpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + 1e-9 * static_cast<double>(now.tv_nsec);
}

// Milliseconds per suggestion: {wall, cpu}. CPU time is the figure that survives a busy machine.
std::pair<double, double> suggestMilliseconds(const TestFunction &function, const Sampler &sampler, int historySize, int suggestions)
{
    // As in a running study: each suggestion sees one more completed trial than the previous one.
    // The first call (untimed) lets the sampler build what it keeps between calls.
    const std::vector<Trial> history = randomHistory(function, historySize + suggestions);
    const std::span<const Trial> all(history);
    double checksum = sampler.sample(function.space(), all.first(static_cast<std::size_t>(historySize)), historySize).raw(0);
    const Timer timer;
    const double cpuStart = cpuSeconds();
    for (int i = 0; i < suggestions; ++i)
        checksum += sampler.sample(function.space(), all.first(static_cast<std::size_t>(historySize + i)), historySize + i).raw(0);
    const double cpu = 1000.0 * (cpuSeconds() - cpuStart) / suggestions;
    const double wall = 1000.0 * timer.seconds() / suggestions;
    if (checksum == 12345.678)
        std::puts("");
    return {wall, cpu};
}

} // namespace

int main(int argc, char **argv)
{
    int seeds = 20;
    int trials = 100;
    int timingSuggestions = 100;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--seeds"))
            seeds = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--trials"))
            trials = std::stoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--timing-suggestions"))
            timingSuggestions = std::stoi(argv[i + 1]);
    }
    nlohmann::json out;
    for (const std::string name : {"branin", "hartmann6"}) {
        if (seeds <= 0)
            break;
        std::unique_ptr<TestFunction> function = TestFunction::create(name).takeValue();
        for (const SamplerEntry &entry : samplers()) {
            std::vector<double> regrets;
            for (int seed = 0; seed < seeds; ++seed)
                regrets.push_back(bestRegret(*function, *entry.make(static_cast<std::uint64_t>(seed)), trials));
            out["regret"][name][entry.name] = median(regrets);
        }
    }
    std::unique_ptr<TestFunction> timed = TestFunction::create("hartmann6").takeValue();
    for (const SamplerEntry &entry : samplers()) {
        if (entry.name == "random")
            continue;
        const std::unique_ptr<Sampler> sampler = entry.make(7);
        for (int size : {100, 1000}) {
            const auto [wall, cpu] = suggestMilliseconds(*timed, *sampler, size, timingSuggestions);
            out["suggest_ms"][entry.name][std::to_string(size)] = {{"wall", wall}, {"cpu", cpu}};
        }
    }
    out["seeds"] = seeds;
    out["trials"] = trials;
    std::cout << out.dump() << std::endl;
    return 0;
}
