// Loads a CSV with CsvReader (timed separately), parses a suite, then runs it with CheckRunner and prints one
// JSON line: {"rows", "load_seconds", "seconds" (the suite run's wall time, best of --repeat), "cpu_seconds"
// (its process CPU time, all threads, best of --repeat), "tests": [{name, status,
// failures, seconds}]}. "failures" counts every failing row of a row-level test (1 for a failed table-level test).
// Usage: bench_checks SUITE.json DATA.csv [--repeat N] [--threads N]

#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/data/CsvReader.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_checks SUITE.json DATA.csv [--repeat N] [--threads N]\n");
        return 2;
    }
    int repeat = 1;
    int threads = 0;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--repeat") == 0)
            repeat = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--threads") == 0)
            threads = std::atoi(argv[i + 1]);
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
    for (int r = 0; r < repeat; ++r) {
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
        for (const loupe::CheckTestResult &test : result.value().tests) {
            const std::uint64_t failures = test.outcome.tableLevel ? (test.outcome.passed ? 0 : 1) : test.outcome.failingCount();
            tests += std::string(tests.empty() ? "" : ", ") + "{\"name\": \"" + test.name + "\", \"status\": \""
                     + loupe::checkTestStatusName(test.status) + "\", \"failures\": " + std::to_string(failures)
                     + ", \"seconds\": " + std::to_string(test.seconds) + "}";
        }
    }
    std::printf("{\"rows\": %zu, \"load_seconds\": %.4f, \"seconds\": %.4f, \"cpu_seconds\": %.4f, \"tests\": [%s]}\n",
                table.rowCount(), loadSeconds, best, bestCpu, tests.c_str());
    return 0;
}
