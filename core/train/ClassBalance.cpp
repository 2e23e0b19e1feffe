#include "core/train/ClassBalance.h"

#include "core/data/DataSplitter.h"
#include "core/util/RandomGenerator.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cassert>
#include <limits>

namespace loupe {

namespace {

constexpr std::uint64_t s_resampleStream = 0x5245534D504C45ull; // decorrelates resampling from the split

void shuffleRows(std::vector<std::size_t> &rows, RandomGenerator &rng)
{
    for (std::size_t i = rows.size(); i > 1; --i)
        std::swap(rows[i - 1], rows[rng.below(i)]);
}

} // namespace

std::vector<std::size_t> ClassBalance::rowClasses(ConstMatrixView targets)
{
    std::vector<std::size_t> classes(static_cast<std::size_t>(targets.rows()));
    const Index cols = targets.cols();
    for (Index r = 0; r < targets.rows(); ++r) {
        const float *row = targets.data() + r * cols;
        if (cols == 1) {
            classes[static_cast<std::size_t>(r)] = row[0] > 0.5f ? 1 : 0;
            continue;
        }
        Index best = 0;
        for (Index c = 1; c < cols; ++c) {
            if (row[c] > row[best])
                best = c;
        }
        classes[static_cast<std::size_t>(r)] = static_cast<std::size_t>(best);
    }
    return classes;
}

std::vector<std::size_t> ClassBalance::classCounts(const TrainingSet &data, std::size_t classCount)
{
    std::vector<std::size_t> counts(classCount, 0);
    for (std::size_t label : rowClasses(data.targets())) {
        if (label < classCount)
            ++counts[label];
    }
    return counts;
}

std::vector<float> ClassBalance::balancedWeights(const std::vector<std::size_t> &counts)
{
    std::size_t total = 0;
    std::size_t present = 0;
    for (std::size_t count : counts) {
        total += count;
        present += count > 0 ? 1 : 0;
    }
    assert(total > 0);
    std::vector<float> weights(counts.size(), 0.0f);
    for (std::size_t c = 0; c < counts.size(); ++c) {
        if (counts[c] > 0)
            weights[c] = static_cast<float>(double(total) / (double(present) * double(counts[c])));
    }
    return weights;
}

TrainingSet ClassBalance::resample(const TrainingSet &data, std::size_t classCount, Resampling resampling,
                                   std::uint64_t seed)
{
    assert(classCount >= 2 && data.size() > 0);
    if (resampling == Resampling::None)
        return data;
    std::vector<std::vector<std::size_t>> byClass(classCount);
    const std::vector<std::size_t> classes = rowClasses(data.targets());
    for (std::size_t row = 0; row < classes.size(); ++row) {
        if (classes[row] < classCount)
            byClass[classes[row]].push_back(row);
    }
    std::size_t largest = 0;
    std::size_t smallest = std::numeric_limits<std::size_t>::max();
    for (const auto &rows : byClass) {
        if (rows.empty())
            continue;
        largest = std::max(largest, rows.size());
        smallest = std::min(smallest, rows.size());
    }
    RandomGenerator rng(RandomGenerator::mix(seed ^ s_resampleStream));
    std::vector<std::size_t> chosen;
    for (auto &rows : byClass) {
        if (rows.empty())
            continue;
        if (resampling == Resampling::Oversample) {
            chosen.insert(chosen.end(), rows.begin(), rows.end());
            for (std::size_t extra = rows.size(); extra < largest; ++extra)
                chosen.push_back(rows[rng.below(rows.size())]);
        } else {
            // A partial Fisher-Yates shuffle picks `smallest` rows without replacement.
            for (std::size_t i = 0; i < smallest; ++i)
                std::swap(rows[i], rows[i + rng.below(rows.size() - i)]);
            chosen.insert(chosen.end(), rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(smallest));
        }
    }
    shuffleRows(chosen, rng);
    auto taken = DataSplitter::take(data, chosen);
    assert(taken.isOk());
    return taken.takeValue();
}

nlohmann::ordered_json ClassBalance::toJson() const
{
    nlohmann::ordered_json classes = nlohmann::ordered_json::array();
    for (std::size_t c = 0; c < countsBefore.size(); ++c) {
        classes.push_back({{"label", c < labels.size() ? labels[c] : std::to_string(c)},
                           {"train_rows", countsBefore[c]},
                           {"trained_rows", c < countsAfter.size() ? countsAfter[c] : countsBefore[c]},
                           {"weight", c < weights.size() ? double(weights[c]) : 1.0}});
    }
    return {{"class_weight", classWeightingName(weighting)},
            {"resample", resamplingName(resampling)},
            {"classes", std::move(classes)}};
}

std::string_view classWeightingName(ClassWeighting weighting)
{
    return weighting == ClassWeighting::Balanced ? "balanced" : "none";
}

std::optional<ClassWeighting> classWeightingFromName(std::string_view name)
{
    if (name == "none")
        return ClassWeighting::None;
    if (name == "balanced")
        return ClassWeighting::Balanced;
    return std::nullopt;
}

std::string_view resamplingName(Resampling resampling)
{
    switch (resampling) {
    case Resampling::None:
        return "none";
    case Resampling::Oversample:
        return "oversample";
    case Resampling::Undersample:
        return "undersample";
    }
    return "none";
}

std::optional<Resampling> resamplingFromName(std::string_view name)
{
    for (Resampling resampling : {Resampling::None, Resampling::Oversample, Resampling::Undersample}) {
        if (resamplingName(resampling) == name)
            return resampling;
    }
    return std::nullopt;
}

} // namespace loupe
