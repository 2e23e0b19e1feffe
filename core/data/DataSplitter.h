#pragma once
// Seeded train / validation / test partition of a data set's rows.
//
// The rows are shuffled once with the seed (same seed and row count, same partition on every
// platform) and cut in order: the first round(rows * test) go to test, the next
// round(rows * validation) to validation, the rest to training. Each part's indices are sorted
// ascending, so a part keeps the file's row order. A fraction that is positive always yields at
// least one row, and training always keeps at least one; otherwise partition() fails with a
// message naming the fraction.

#include "core/util/Matrix.h"
#include "core/data/TrainingSet.h"
#include "core/util/Status.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace loupe {

struct SplitFractions {
    double validation = 0.1; // [0, 1)
    double test = 0.1;       // [0, 1); validation + test < 1
};

struct RowPartition {
    std::vector<std::size_t> train;
    std::vector<std::size_t> validation;
    std::vector<std::size_t> test;
};

class DataSplitter {
public:
    // InvalidInput naming "validation fraction" / "test fraction" when one is not a finite number
    // in [0, 1), or when they add up to 1 or more.
    static Status validate(const SplitFractions &fractions);

    // requires: nothing. InvalidInput as validate(), or when `rows` is too small to give every
    // positive fraction a row and still keep a training row.
    static Result<RowPartition> partition(std::size_t rows, const SplitFractions &fractions, std::uint64_t seed);

    // The rows of `data` listed in `rows`, in that order (a copy).
    // requires: every index < data.size(); rows not empty.
    static Result<TrainingSet> take(const TrainingSet &data, const std::vector<std::size_t> &rows);
};

} // namespace loupe
