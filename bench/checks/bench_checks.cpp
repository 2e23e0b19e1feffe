// Loads a CSV with CsvReader (timed separately), parses a suite, then runs it with CheckRunner and prints one
// JSON line: {"rows", "load_seconds", "seconds" (the suite run's wall time, best of --repeat), "cpu_seconds"
// (its process CPU time, all threads, best of --repeat), "tests": [{name, status,
// failures, seconds}]}. "failures" counts every failing row of a row-level test (1 for a failed table-level test).
// Usage: bench_checks SUITE.json DATA.csv [--repeat N] [--threads N] [--per-test]
// --per-test also prints to stderr each test's best wall time over the repeats and, with --threads 1, its
// best thread CPU time (what a test costs when other processes compete for the cores).

#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/data/CsvReader.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <time.h>
#include <string>
#include <utility>
#include <vector>

namespace {

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_checks SUITE.json DATA.csv [--repeat N] [--threads N] [--per-test]\n");
        return 2;
    }
    int repeat = 1;
    int threads = 0;
    bool perTest = false;
    for (int i = 3; i < argc; ++i) {
        if (std::strcmp(argv[i], "--per-test") == 0) {
            perTest = true;
        } else if (i + 1 < argc && std::strcmp(argv[i], "--repeat") == 0) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else if (i + 1 < argc && std::strcmp(argv[i], "--threads") == 0) {
            threads = std::atoi(argv[++i]);
        } else {
            std::fprintf(stderr, "bench_checks: unknown or incomplete option '%s'\n", argv[i]);
            return 2;
        }
    }
    loupe::Result<loupe::CheckSuite> suite = loupe::SuiteParser::parseFile(argv[1]);
    if (!suite.isOk()) {
        std::fprintf(stderr, "%s\n", suite.message().c_str());
        return 2;
    }
    loupe::Timer loadTimer;
    loupe::Result<loupe::CsvReadReport> loaded = loupe::CsvReader(loupe::CsvOptions()).readFile(argv[2]);
    const double loadSeconds = loadTimer.seconds();
    if (!loaded.isOk()) {
        std::fprintf(stderr, "%s\n", loaded.message().c_str());
        return 2;
    }
    const loupe::Table &table = loaded.value().table;
    loupe::CheckRunOptions options;
    options.dataPath = argv[2];
    options.threads = threads;
    double best = 1e300;
    double bestCpu = 1e300;
    std::string tests;
    std::vector<std::pair<std::string, double>> bestPerTest;
    // With one thread the runner calls the progress sink on this thread after each test, in suite order:
    // the thread CPU time between two calls is that test's CPU time.
    std::vector<double> bestCpuPerTest(suite.value().tests.size(), 1e300);
    std::size_t testIndex = 0;
    double cpuMark = 0;
    if (perTest && threads == 1) {
        options.progress = [&](const loupe::Progress &) {
            const double now = threadCpuSeconds();
            if (testIndex < bestCpuPerTest.size())
                bestCpuPerTest[testIndex] = std::min(bestCpuPerTest[testIndex], now - cpuMark);
            ++testIndex;
            cpuMark = now;
            return loupe::ProgressAction::Continue;
        };
    }
    for (int r = 0; r < repeat; ++r) {
        testIndex = 0;
        cpuMark = threadCpuSeconds();
        loupe::Timer timer;
        const std::clock_t cpuStart = std::clock();
        loupe::Result<loupe::CheckRunResult> result = loupe::CheckRunner::run(suite.value(), table, options);
        const double seconds = timer.seconds();
        bestCpu = std::min(bestCpu, static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC);
        if (!result.isOk()) {
            std::fprintf(stderr, "%s\n", result.message().c_str());
            return 2;
        }
        best = std::min(best, seconds);
        tests.clear();
        bestPerTest.resize(result.value().tests.size(), {std::string(), 1e300});
        for (std::size_t t = 0; t < result.value().tests.size(); ++t) {
            const loupe::CheckTestResult &test = result.value().tests[t];
            bestPerTest[t] = {test.name, std::min(bestPerTest[t].second, test.seconds)};
            const std::uint64_t failures = test.outcome.tableLevel ? (test.outcome.passed ? 0 : 1) : test.outcome.failingCount();
            tests += std::string(tests.empty() ? "" : ", ") + "{\"name\": \"" + test.name + "\", \"status\": \""
                     + loupe::checkTestStatusName(test.status) + "\", \"failures\": " + std::to_string(failures)
                     + ", \"seconds\": " + std::to_string(test.seconds) + "}";
        }
    }
    if (perTest) {
        double sum = 0;
        double cpuSum = 0;
        for (std::size_t t = 0; t < bestPerTest.size(); ++t) {
            std::fprintf(stderr, "%-28s %8.4f s", bestPerTest[t].first.c_str(), bestPerTest[t].second);
            if (threads == 1)
                std::fprintf(stderr, "   cpu %8.4f s", bestCpuPerTest[t]);
            std::fprintf(stderr, "\n");
            sum += bestPerTest[t].second;
            cpuSum += bestCpuPerTest[t];
        }
        std::fprintf(stderr, "%-28s %8.4f s", "sum of tests", sum);
        if (threads == 1)
            std::fprintf(stderr, "   cpu %8.4f s", cpuSum);
        std::fprintf(stderr, "   (suite wall %.4f s)\n", best);
    }
    std::printf("{\"rows\": %zu, \"load_seconds\": %.4f, \"seconds\": %.4f, \"cpu_seconds\": %.4f, \"tests\": [%s]}\n",
                table.rowCount(), loadSeconds, best, bestCpu, tests.c_str());
    return 0;
}
