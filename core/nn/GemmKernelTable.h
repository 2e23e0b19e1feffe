#pragma once
// Which kernel runs each GEMM: the fastest one measured on this machine for that product, shape
// and thread count. Nothing is chosen by CPU name: every candidate runs the real shape here.
//
// When: lazily, the first time the engine meets a shape (the first batch of a model, the first
// shorter last batch, the first prediction chunk), and once per machine, not per start: the
// winners go to a cache file (GemmKernelCache) keyed by the CPU's features and the library
// versions, so the next process reads them. Measuring one shape takes about 10-50 ms; the chapter
// model meets about 20 shapes. Why not at start-up: the shapes depend on the model and the data,
// which a process only learns later, and a start-up measurement would cost every run, also those
// that never train.
//
// How: every candidate kernel is run on operands of the shape, interleaved over several rounds
// (so a burst of load from other work hits all of them alike), and the best round of each is
// kept. A candidate must beat EigenSplit (what Loupe always used) by 3 % to replace it, so noise
// does not flip the choice and runs keep their bit-identical results when nothing is gained.
// Products under s_minimumWork operations are not measured: they run EigenSplit (single-threaded).
//
// Overrides: LOUPE_GEMM_KERNEL=eigen-split|eigen-whole|openblas-split forces one kernel everywhere
// (tests, benchmarks); LOUPE_GEMM_CACHE=off keeps the choices in memory only. An unknown value is
// ignored. Thread-safe: one mutex guards the table (a GUI may train two models at once).

#include "core/nn/GemmKernelCache.h"

#include <mutex>
#include <optional>
#include <string>

namespace loupe {

class GemmKernelTable {
public:
    struct Options {
        std::string cacheFile;              // empty: no file (in memory only)
        std::optional<GemmKernel> forced;   // every shape runs this kernel
        int rounds = 5;                     // measurement rounds per candidate
        double secondsPerRound = 0.002;     // target length of one candidate's round
    };

    // The process-wide table: cache file in GemmKernelCache::defaultDirectory() and the
    // environment overrides above.
    static GemmKernelTable &instance();

    explicit GemmKernelTable(Options options);

    // The kernel for this product, shape and thread count; measures (and saves) it when unknown.
    GemmKernel kernelFor(const GemmShape &shape);
    // Every choice made or read so far (with the rates measured for it).
    GemmChoices choices() const;
    // Measures every candidate on the shape and returns the winner; does not touch the table.
    GemmChoice measure(const GemmShape &shape) const;
    // Whether the cache file was read (false: absent, unreadable or refused; see cacheProblem()).
    bool cacheLoaded() const;
    // Why the cache file was refused ("" when it was read or did not exist).
    std::string cacheProblem() const;

    static constexpr double s_minimumWork = 65536.0; // 2 m n k below this: EigenSplit, unmeasured
    static constexpr double s_requiredGain = 1.03;

private:
    void loadLocked();
    void saveLocked() const;

    Options m_options;
    mutable std::mutex m_mutex;
    GemmChoices m_choices;
    bool m_loadTried = false;
    bool m_loaded = false;
    std::string m_problem;
};

} // namespace loupe
