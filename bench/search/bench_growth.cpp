// bench_growth: how a stored study's cost grows with its size (issue 24, bench/search/growth.sh).
// Runs --trials N trials of hartmann6 with --algo (random | tpe) in --workers W threads, each with
// its own SqlTrialStore and connection (what a separate `loupe-cli worker` process would have), on
// --storage (a SQLite path or a postgresql:// URL), through the same Study + StudyRunner as
// loupe-cli search and worker. Stops after --timeout seconds (then "capped": true). Prints one
// JSON object:
//   trials, seconds, capped,
//   per_trial_ms: {mean, first_1000 (the first 1,000 trials), last_10pct (the last tenth of the trials)}
//   split_ms_per_trial (thread time per trial, summed over the workers):
//     sampler      the sampler's suggestions (Study's own timing)
//     store_read   catching the in-memory view up (reading what changed, applying it)
//     view_copy    copying the view out of TrialStore::trials() (core's interface returns a vector)
//     store_write  reserving and finishing trials (transactions, change numbers), without catch-up
//   rows_read_per_read: rows the catch-up queries returned on average (1-ish = incremental)
// Usage: bench_growth --storage LOC --algo tpe --trials 10000 [--workers 1] [--timeout 120] [--seed 1]

#include "core/search/Study.h"
#include "core/search/TestFunction.h"
#include "core/util/Timer.h"
#include "db/store/Store.h"
#include "db/studies/SqlTrialStore.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/StudyRunner.h"
#include "db/studies/StudySampler.h"

#include <QCoreApplication>
#include <QDateTime>

#include <nlohmann/json.hpp>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <iostream>
#include <mutex>
#include <thread>

using namespace loupe;

namespace {

// Times every call the Study makes on the SQL store.
class TimedTrialStore : public TrialStore {
public:
    explicit TimedTrialStore(SqlTrialStore &store) : m_store(store) {}
    Result<std::optional<int>> reserve(const TrialParams &params, int maxTrials, BudgetRule rule) override
    {
        const Timer timer;
        auto result = m_store.reserve(params, maxTrials, rule);
        reserveSeconds += timer.seconds();
        return result;
    }
    Status finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                  double seconds) override
    {
        const Timer timer;
        Status result = m_store.finish(number, state, loss, error, seconds);
        finishSeconds += timer.seconds();
        return result;
    }
    Result<std::vector<Trial>> trials() const override
    {
        const Timer timer;
        auto result = m_store.trials();
        trialsSeconds += timer.seconds();
        return result;
    }
    double reserveSeconds = 0.0;
    double finishSeconds = 0.0;
    mutable double trialsSeconds = 0.0;

private:
    SqlTrialStore &m_store;
};

struct Options {
    QString storage;
    std::string algo = "tpe";
    int trials = 1000;
    int workers = 1;
    double timeout = 120.0;
    std::uint64_t seed = 1;
};

struct WorkerCost {
    double sampler = 0.0;
    double storeRead = 0.0;
    double viewCopy = 0.0;
    double storeWrite = 0.0;
    qint64 reads = 0;
    qint64 rowsRead = 0;
    std::string error;
};

// Trial completion times, to tell the first trials' cost from the last ones'.
class Timeline {
public:
    explicit Timeline(int expected) { m_times.reserve(std::size_t(expected)); }
    void mark(double seconds)
    {
        std::lock_guard lock(m_mutex);
        m_times.push_back(seconds);
    }
    std::vector<double> times() const
    {
        std::lock_guard lock(m_mutex);
        return m_times;
    }

private:
    mutable std::mutex m_mutex;
    std::vector<double> m_times;
};

WorkerCost runWorker(const Options &options, qint64 studyId, const SearchSpace &space, TestFunction &function,
                     int index, const CancellationToken &token, Timeline &timeline, const Timer &clock)
{
    WorkerCost cost;
    const QString name = QStringLiteral("bench%1").arg(index);
    auto sampler = StudySampler::create(options.algo, StudySampler::workerSeed(options.seed, index ? name : QString()));
    if (!sampler.isOk()) {
        cost.error = sampler.message();
        return cost;
    }
    SqlTrialStore store(options.storage, studyId, space, name);
    TimedTrialStore timed(store);
    StudyOptions studyOptions;
    studyOptions.maxTrials = options.trials;
    Study study(space, *sampler.value(), timed, studyOptions);
    StudyRunOptions runOptions;
    runOptions.maxTrials = options.trials;
    runOptions.poll = std::chrono::milliseconds(20);
    StudyRunner runner(study, store, runOptions);
    int asks = 0;
    const StudyRunSummary summary = runner.run(function, token, [&](const Trial &) {
        ++asks;
        timeline.mark(clock.seconds());
    });
    if (!summary.status.isOk() && !summary.status.isCancelled())
        cost.error = summary.status.message();
    const SqlTrialStore::ReadCost read = store.readCost();
    const double readInTrials = std::max(0.0, timed.trialsSeconds - read.copySeconds);
    const double readInReserve = std::max(0.0, read.readSeconds - readInTrials);
    cost.sampler = summary.suggestSecondsMean * asks;
    cost.storeRead = read.readSeconds;
    cost.viewCopy = read.copySeconds;
    cost.storeWrite = std::max(0.0, timed.reserveSeconds + timed.finishSeconds - readInReserve);
    cost.reads = read.reads;
    cost.rowsRead = read.rowsRead;
    return cost;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options options;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--storage")
            options.storage = QString::fromLocal8Bit(argv[i + 1]);
        else if (flag == "--algo")
            options.algo = argv[i + 1];
        else if (flag == "--trials")
            options.trials = std::stoi(argv[i + 1]);
        else if (flag == "--workers")
            options.workers = std::stoi(argv[i + 1]);
        else if (flag == "--timeout")
            options.timeout = std::stod(argv[i + 1]);
        else if (flag == "--seed")
            options.seed = std::stoull(argv[i + 1]);
    }
    std::unique_ptr<TestFunction> function = TestFunction::create("hartmann6").takeValue();
    const SearchSpace &space = function->space();
    qint64 studyId = 0;
    {
        auto store = Store::open(options.storage);
        if (!store.isOk()) {
            std::cerr << store.message() << '\n';
            return 2;
        }
        StudyRecord study;
        study.name = QStringLiteral("growth-%1-%2-%3").arg(QString::fromStdString(options.algo)).arg(options.trials)
                         .arg(QDateTime::currentMSecsSinceEpoch());
        study.spaceJson = QString::fromStdString(space.describe().dump());
        study.sampler = QString::fromStdString(options.algo);
        study.seed = qint64(options.seed);
        study.maxEvals = options.trials;
        study.objectiveJson = QStringLiteral(R"({"objective": "hartmann6"})");
        auto created = StudyRepository(*store.value()).createOrOpen(study);
        if (!created.isOk()) {
            std::cerr << created.message() << '\n';
            return 2;
        }
        studyId = created.value().id;
    }

    CancellationToken token;
    Timeline timeline(options.trials);
    std::vector<WorkerCost> costs(std::size_t(options.workers));
    const Timer clock;
    std::mutex doneMutex;
    std::condition_variable doneSignal;
    bool done = false;
    std::thread watchdog([&] {
        std::unique_lock lock(doneMutex);
        if (!doneSignal.wait_for(lock, std::chrono::duration<double>(options.timeout), [&] { return done; }))
            token.cancel();
    });
    std::vector<std::thread> threads;
    for (int i = 0; i < options.workers; ++i)
        threads.emplace_back([&, i] {
            costs[std::size_t(i)] = runWorker(options, studyId, space, *function, i, token, timeline, clock);
        });
    for (std::thread &thread : threads)
        thread.join();
    const double seconds = clock.seconds();
    {
        std::lock_guard lock(doneMutex);
        done = true;
    }
    doneSignal.notify_all();
    watchdog.join();

    const std::vector<double> times = timeline.times();
    const int n = int(times.size());
    WorkerCost total;
    for (const WorkerCost &cost : costs) {
        if (!cost.error.empty()) {
            std::cerr << "worker failed: " << cost.error << '\n';
            return 1;
        }
        total.sampler += cost.sampler;
        total.storeRead += cost.storeRead;
        total.viewCopy += cost.viewCopy;
        total.storeWrite += cost.storeWrite;
        total.reads += cost.reads;
        total.rowsRead += cost.rowsRead;
    }
    nlohmann::ordered_json out;
    out["algo"] = options.algo;
    out["workers"] = options.workers;
    out["budget"] = options.trials;
    out["trials"] = n;
    out["seconds"] = seconds;
    out["capped"] = token.isCancelled();
    const auto perTrial = [](double a, double b, int count) { return count > 0 ? 1000.0 * (b - a) / count : 0.0; };
    out["per_trial_ms"]["mean"] = perTrial(0.0, seconds, n);
    if (n >= 1000)
        out["per_trial_ms"]["first_1000"] = perTrial(0.0, times[999], 1000);
    if (n >= 10) {
        const int from = n - n / 10;
        out["per_trial_ms"]["last_10pct"] = perTrial(times[std::size_t(from - 1)], times.back(), n - from);
    }
    const auto share = [n](double value) { return n > 0 ? 1000.0 * value / n : 0.0; };
    out["split_ms_per_trial"] = {{"sampler", share(total.sampler)},
                                 {"store_read", share(total.storeRead)},
                                 {"view_copy", share(total.viewCopy)},
                                 {"store_write", share(total.storeWrite)}};
    out["rows_read_per_read"] = total.reads > 0 ? double(total.rowsRead) / double(total.reads) : 0.0;
    std::cout << out.dump() << std::endl;
    return 0;
}
