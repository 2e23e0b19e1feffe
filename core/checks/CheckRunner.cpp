#include "core/checks/CheckRunner.h"

#include "core/checks/Expression.h"
#include "core/checks/SuiteParser.h"
#include "core/data/Table.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace loupe {

namespace {

struct PreparedTest {
    const CheckTestSpec *spec = nullptr;
    const Assertion *assertion = nullptr;
    CheckLocals locals;
};

Status evaluateLocals(const std::vector<CheckLocalSpec> &specs, ExpressionContext &context, CheckLocals &out,
                      const CheckSuite &suite, const std::string &label)
{
    for (const CheckLocalSpec &local : specs) {
        Result<CheckValue> value = local.expression.evaluate(context);
        if (!value.isOk())
            return Status::invalidInput(suite.location(local.line) + ": " + label + "local '" + local.name
                                        + "': " + value.message());
        context.locals[local.name] = value.value();
        out.emplace_back(local.name, value.value());
    }
    return Status::ok();
}

Result<std::vector<PreparedTest>> prepare(const CheckSuite &suite, const Table &table, const CheckEnvironment &env,
                                          const AssertionRegistry &registry)
{
    ExpressionContext suiteContext;
    suiteContext.table = &table;
    suiteContext.now = env.nowNanos;
    CheckLocals suiteLocals;
    if (Status s = evaluateLocals(suite.locals, suiteContext, suiteLocals, suite, ""); !s.isOk())
        return s;
    std::vector<PreparedTest> prepared;
    prepared.reserve(suite.tests.size());
    for (const CheckTestSpec &test : suite.tests) {
        const std::string label = "test '" + test.name + "': ";
        PreparedTest entry;
        entry.spec = &test;
        entry.assertion = registry.find(test.assertion);
        if (!entry.assertion)
            return Status::invalidInput(suite.location(test.line) + ": " + label + "unknown assertion '"
                                        + test.assertion + "'");
        ExpressionContext context = suiteContext;
        entry.locals = suiteLocals;
        if (Status s = evaluateLocals(test.locals, context, entry.locals, suite, label); !s.isOk())
            return s;
        prepared.push_back(std::move(entry));
    }
    // Validate after all locals exist (entry.locals no longer moves once the vector is complete).
    for (const PreparedTest &entry : prepared) {
        AssertionParams params(entry.spec->params, entry.locals, env);
        if (Status s = entry.assertion->validate(table, params); !s.isOk())
            return Status::invalidInput(suite.location(entry.spec->line) + ": test '" + entry.spec->name + "' ("
                                        + entry.spec->assertion + "): " + s.message());
    }
    return prepared;
}

CheckTestResult evaluateTest(const PreparedTest &entry, const Table &table, const CheckEnvironment &env,
                             const CancellationToken *cancel)
{
    Timer timer;
    const CheckTestSpec &spec = *entry.spec;
    CheckTestResult result;
    result.name = spec.name;
    result.assertion = spec.assertion;
    result.severity = spec.severity;
    result.mostly = spec.mostly;
    result.line = spec.line;
    result.definition = spec.definition;
    result.locals = entry.locals;
    AssertionParams params(spec.params, entry.locals, env);
    result.outcome = entry.assertion->evaluate(table, params, cancel);
    bool passed = result.outcome.passed;
    if (!passed && spec.mostly && !result.outcome.tableLevel && result.outcome.checkedCount > 0) {
        const double failing = static_cast<double>(result.outcome.failingCount());
        const double allowed = (1.0 - *spec.mostly) * static_cast<double>(result.outcome.checkedCount);
        passed = failing <= allowed + 1e-9;
    }
    if (!passed) {
        result.status = spec.severity == CheckSeverity::Warn ? CheckTestStatus::Warning : CheckTestStatus::Failed;
        std::vector<std::pair<std::string, std::string>> values;
        for (const auto &[name, value] : entry.locals)
            values.emplace_back(name, value.display());
        result.note = formatNote(spec.note, values);
    }
    result.seconds = timer.seconds();
    return result;
}

// The order workers take tests in: with several workers the most expensive first (Assertion::relativeCost),
// ties in suite order, so that no worker starts a long test when the others are about to finish; one worker
// runs the suite in order.
std::vector<std::size_t> scheduleOrder(const std::vector<PreparedTest> &tests, const CheckEnvironment &env,
                                       unsigned threads)
{
    std::vector<double> cost;
    cost.reserve(tests.size());
    for (const PreparedTest &entry : tests)
        cost.push_back(entry.assertion->relativeCost(AssertionParams(entry.spec->params, entry.locals, env)));
    std::vector<std::size_t> order(tests.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    if (threads > 1)
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return cost[a] > cost[b]; });
    return order;
}

} // namespace

std::int64_t CheckRunner::systemNow()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Result<CheckRunResult> CheckRunner::run(const CheckSuite &suite, const Table &table, const CheckRunOptions &options)
{
    Timer timer;
    CheckEnvironment env;
    env.nowNanos = options.nowNanos != 0 ? options.nowNanos : systemNow();
    env.dataPath = options.dataPath;
    const AssertionRegistry &registry = options.registry ? *options.registry : AssertionRegistry::builtin();
    Result<std::vector<PreparedTest>> prepared = prepare(suite, table, env, registry);
    if (!prepared.isOk())
        return prepared.status();
    const std::vector<PreparedTest> &tests = prepared.value();

    CheckRunResult run;
    run.suiteName = suite.name;
    run.suitePath = suite.path;
    run.dataPath = options.dataPath;
    run.nowNanos = env.nowNanos;
    run.rowCount = table.rowCount();
    run.tests.resize(tests.size());

    unsigned threads = options.threads > 0 ? static_cast<unsigned>(options.threads)
                                           : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, tests.size())));
    const std::vector<std::size_t> order = scheduleOrder(tests, env, threads);
    CancellationToken stop; // set when the caller cancels or the sink says Stop
    std::atomic<std::size_t> next{0};
    std::size_t finished = 0;
    std::mutex progressMutex;
    auto worker = [&] {
        while (true) {
            const std::size_t slot = next.fetch_add(1);
            if (slot >= tests.size())
                return;
            const std::size_t i = order[slot];
            if (stop.isCancelled() || (options.cancel && options.cancel->isCancelled())) {
                stop.cancel();
                return;
            }
            run.tests[i] = evaluateTest(tests[i], table, env, options.cancel ? options.cancel : &stop);
            std::lock_guard<std::mutex> lock(progressMutex);
            ++finished;
            if (options.progress
                && options.progress(Progress{static_cast<double>(finished) / static_cast<double>(tests.size()),
                                             "checking"})
                       == ProgressAction::Stop)
                stop.cancel();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &thread : pool)
        thread.join();
    if (stop.isCancelled() || (options.cancel && options.cancel->isCancelled()))
        return Status::cancelled();
    run.seconds = timer.seconds();
    return run;
}

} // namespace loupe
