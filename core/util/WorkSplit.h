#pragma once
// How the engine shares a batch between OpenMP threads: every pass (batch gathering, GEMMs and
// their fused epilogues, dropout, the optimizer) cuts its rows into the same contiguous pieces,
// so thread t keeps working on the rows it produced, hot in its own cache. Measured on the
// chapter model's shapes, single-threaded GEMMs on these pieces also beat one GEMM that Eigen
// parallelizes itself (batch 128: 230-290 GFLOP/s against 140-230 on two cores).

#include "core/util/Matrix.h"

#include <omp.h>

#include <algorithm>

namespace loupe {

class WorkSplit {
public:
    struct Range {
        Index begin = 0;
        Index end = 0;
        Index size() const { return end - begin; }
    };

    // Piece `index` of `parts` near-equal contiguous pieces of [0, count) (earlier pieces take
    // the remainder). requires: 0 <= index < parts.
    static Range piece(Index count, int parts, int index)
    {
        const Index base = count / parts;
        const Index extra = count % parts;
        const Index begin = index * base + std::min<Index>(index, extra);
        return {begin, begin + base + (index < extra ? 1 : 0)};
    }

    // Threads worth using for a pass over `rows` rows costing about `work` floating-point
    // operations: 1 when there is too little to share, else omp_get_max_threads() (at most rows).
    static int threadsFor(Index rows, double work)
    {
        if (work < s_minimumWork || rows < 2)
            return 1;
        return static_cast<int>(std::min<Index>(rows, omp_get_max_threads()));
    }

    // Below this many operations a parallel region costs more than it saves.
    static constexpr double s_minimumWork = 262144.0;
};

} // namespace loupe
