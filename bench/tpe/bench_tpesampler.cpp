// The TPE sampler's cost per suggestion as the history grows, without any store: a table of
// milliseconds per suggest() on hartmann6 for each (sampler, history size) row, and the ratio of each
// size's cost to the smallest size's. The history is random (fixed seed) and grows by one completed
// trial per timed call, as in a running study; the first call (untimed) builds what the sampler keeps.
// Usage: bench_tpesampler [--sizes 1000,10000,100000] [--suggestions 20] [--samplers tpe_default,tpe_hyperopt]

#include "core/util/RandomGenerator.h"
#include "core/search/RandomSampler.h"
#include "core/search/TestFunction.h"
#include "core/search/TpeSampler.h"
#include "core/util/Timer.h"

#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <span>
#include <sstream>
#include <string>
#include <vector>

using namespace loupe;

namespace {

struct Row {
    std::string sampler;
    int size = 0;
};

std::vector<std::string> splitList(const std::string &text)
{
    std::vector<std::string> out;
    std::stringstream stream(text);
    for (std::string item; std::getline(stream, item, ',');)
        out.push_back(item);
    return out;
}

std::unique_ptr<TpeSampler> makeSampler(const std::string &name)
{
    if (name == "tpe_hyperopt")
        return std::make_unique<TpeSampler>(TpeOptions::hyperopt(), 7);
    TpeOptions options = TpeOptions::defaults();
    if (name == "tpe_univariate")
        options.joint = TpeJoint::Univariate;
    return std::make_unique<TpeSampler>(options, 7);
}

std::vector<Trial> randomHistory(const TestFunction &function, int size)
{
    std::vector<Trial> history;
    history.reserve(static_cast<std::size_t>(size));
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

} // namespace

int main(int argc, char **argv)
{
    std::vector<int> sizes{1000, 10000, 100000};
    std::vector<std::string> samplerNames{"tpe_default", "tpe_hyperopt"};
    int suggestions = 20;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--sizes")) {
            sizes.clear();
            for (const std::string &item : splitList(argv[i + 1]))
                sizes.push_back(std::stoi(item));
        } else if (!std::strcmp(argv[i], "--suggestions")) {
            suggestions = std::stoi(argv[i + 1]);
        } else if (!std::strcmp(argv[i], "--samplers")) {
            samplerNames = splitList(argv[i + 1]);
        }
    }
    const std::unique_ptr<TestFunction> function = TestFunction::create("hartmann6").takeValue();
    int largest = 0;
    for (int size : sizes)
        largest = std::max(largest, size);
    const std::vector<Trial> history = randomHistory(*function, largest + suggestions);
    const std::span<const Trial> all(history);
    std::printf("%-16s %9s %12s %12s %10s\n", "sampler", "trials", "wall ms", "cpu ms", "x smallest");
    double checksum = 0.0;
    for (const std::string &name : samplerNames) {
        double first = 0.0;
        for (int size : sizes) {
            const std::unique_ptr<TpeSampler> sampler = makeSampler(name);
            checksum += sampler->sample(function->space(), all.first(static_cast<std::size_t>(size)), size).raw(0);
            const Timer timer;
            const double cpuStart = cpuSeconds();
            for (int i = 0; i < suggestions; ++i) {
                const auto seen = static_cast<std::size_t>(size + i);
                checksum += sampler->sample(function->space(), all.first(seen), size + i).raw(0);
            }
            const double cpu = 1000.0 * (cpuSeconds() - cpuStart) / suggestions;
            const double wall = 1000.0 * timer.seconds() / suggestions;
            if (first == 0.0)
                first = cpu;
            std::printf("%-16s %9d %12.4f %12.4f %10.1f\n", name.c_str(), size, wall, cpu, cpu / first);
        }
    }
    std::printf("checksum %.6f\n", checksum);
    return 0;
}
