#include "core/data/DataSplitter.h"

#include "core/util/NumberText.h"

#include "core/util/RandomGenerator.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>
#include <numeric>

namespace loupe {

namespace {

constexpr std::uint64_t s_splitStream = 0x53504C4954ull; // keeps split draws apart from other seeded streams


Status checkFraction(const char *name, double value)
{
    if (!std::isfinite(value) || value < 0.0 || value >= 1.0)
        return Status::invalidInput(std::string(name) + ": expected a number in [0, 1), got " + numberText("%g", value));
    return Status::ok();
}

// round(rows * fraction), but at least one row for a positive fraction.
std::size_t partSize(std::size_t rows, double fraction)
{
    if (fraction <= 0.0)
        return 0;
    const auto size = static_cast<std::size_t>(std::llround(static_cast<double>(rows) * fraction));
    return std::max<std::size_t>(size, 1);
}

} // namespace

Status DataSplitter::validate(const SplitFractions &fractions)
{
    if (Status status = checkFraction("validation fraction", fractions.validation); !status.isOk())
        return status;
    if (Status status = checkFraction("test fraction", fractions.test); !status.isOk())
        return status;
    if (fractions.validation + fractions.test >= 1.0) {
        return Status::invalidInput("validation fraction + test fraction: " + numberText("%g", fractions.validation) + " + "
                                    + numberText("%g", fractions.test) + " leaves no training rows; keep the sum below 1");
    }
    return Status::ok();
}

Result<RowPartition> DataSplitter::partition(std::size_t rows, const SplitFractions &fractions, std::uint64_t seed)
{
    if (Status status = validate(fractions); !status.isOk())
        return status;
    const std::size_t testRows = partSize(rows, fractions.test);
    const std::size_t validationRows = partSize(rows, fractions.validation);
    if (testRows + validationRows >= rows) {
        return Status::invalidInput("split: " + std::to_string(rows) + " rows are too few for validation fraction "
                                    + numberText("%g", fractions.validation) + " and test fraction "
                                    + numberText("%g", fractions.test) + " (every part needs at least one row)");
    }
    std::vector<std::size_t> order(rows);
    std::iota(order.begin(), order.end(), std::size_t(0));
    RandomGenerator random(RandomGenerator::mix(seed ^ s_splitStream));
    for (std::size_t i = rows; i > 1; --i)
        std::swap(order[i - 1], order[random.below(i)]);

    RowPartition partition;
    const auto testEnd = order.begin() + static_cast<std::ptrdiff_t>(testRows);
    const auto validationEnd = testEnd + static_cast<std::ptrdiff_t>(validationRows);
    partition.test.assign(order.begin(), testEnd);
    partition.validation.assign(testEnd, validationEnd);
    partition.train.assign(validationEnd, order.end());
    for (auto *part : {&partition.train, &partition.validation, &partition.test})
        std::sort(part->begin(), part->end());
    return partition;
}

Result<TrainingSet> DataSplitter::take(const TrainingSet &data, const std::vector<std::size_t> &rows)
{
    assert(!rows.empty());
    const auto features = static_cast<std::size_t>(data.featureCount());
    const auto targets = static_cast<std::size_t>(data.targetCount());
    std::vector<float> x(rows.size() * features);
    std::vector<float> y(rows.size() * targets);
    const float *sourceX = data.features().data();
    const float *sourceY = data.targets().data();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        assert(rows[i] < static_cast<std::size_t>(data.size()));
        std::memcpy(x.data() + i * features, sourceX + rows[i] * features, sizeof(float) * features);
        std::memcpy(y.data() + i * targets, sourceY + rows[i] * targets, sizeof(float) * targets);
    }
    return TrainingSet::create(std::move(x), data.featureCount(), std::move(y), data.targetCount());
}

} // namespace loupe
