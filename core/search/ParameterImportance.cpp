#include "core/search/ParameterImportance.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loupe {

namespace {

constexpr int kGridPoints = 128;
constexpr double kMinimumBandwidth = 0.02;
constexpr double kMaximumBandwidth = 0.5;

double standardDeviation(const std::vector<double> &values)
{
    if (values.size() < 2)
        return 0.0;
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    double sum = 0.0;
    for (double v : values)
        sum += (v - mean) * (v - mean);
    return std::sqrt(sum / double(values.size() - 1));
}

// Gaussian KDE of values in [0, 1] evaluated on the grid and normalised to sum 1 over it.
std::vector<double> densityOnGrid(const std::vector<double> &values)
{
    std::vector<double> density(kGridPoints, 0.0);
    if (values.empty())
        return density;
    const double scott = 1.06 * standardDeviation(values) * std::pow(double(values.size()), -0.2);
    const double bandwidth = std::clamp(scott, kMinimumBandwidth, kMaximumBandwidth);
    const double inverse = 1.0 / bandwidth;
    for (int g = 0; g < kGridPoints; ++g) {
        const double x = (g + 0.5) / kGridPoints;
        double sum = 0.0;
        for (double v : values) {
            const double z = (x - v) * inverse;
            sum += std::exp(-0.5 * z * z);
        }
        density[g] = sum;
    }
    const double total = std::accumulate(density.begin(), density.end(), 0.0);
    if (total > 0.0)
        for (double &d : density)
            d /= total;
    return density;
}

double pearson(const std::vector<double> &top, const std::vector<double> &all)
{
    double divergence = 0.0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const double base = std::max(all[i], 1e-12);
        const double ratio = top[i] / base - 1.0;
        divergence += base * ratio * ratio;
    }
    return divergence;
}

struct RankedTrial {
    const Trial *trial;
    double loss;
};

} // namespace

double ParameterImportance::numericDivergence(const std::vector<double> &top, const std::vector<double> &all)
{
    if (top.empty() || all.empty())
        return 0.0;
    return pearson(densityOnGrid(top), densityOnGrid(all));
}

double ParameterImportance::categoricalDivergence(const std::vector<int> &top, const std::vector<int> &all,
                                                  int optionCount)
{
    if (top.empty() || all.empty() || optionCount < 2)
        return 0.0;
    auto frequencies = [optionCount](const std::vector<int> &indices) {
        std::vector<double> p(std::size_t(optionCount), 1.0); // one pseudo-count per option
        for (int index : indices)
            if (index >= 0 && index < optionCount)
                p[std::size_t(index)] += 1.0;
        const double total = double(indices.size()) + optionCount;
        for (double &value : p)
            value /= total;
        return p;
    };
    return pearson(frequencies(top), frequencies(all));
}

Result<std::vector<ParameterImportanceEntry>> ParameterImportance::evaluate(const SearchSpace &space,
                                                                            const std::vector<Trial> &trials,
                                                                            double topFraction)
{
    std::vector<RankedTrial> completed;
    for (const Trial &trial : trials)
        if (trial.state == TrialState::Complete && trial.loss && std::isfinite(*trial.loss))
            completed.push_back({&trial, *trial.loss});
    if (int(completed.size()) < s_minimumTrials)
        return Status::invalidInput("parameter importance needs at least " + std::to_string(s_minimumTrials)
                                    + " completed trials, have " + std::to_string(completed.size()));
    std::stable_sort(completed.begin(), completed.end(),
                     [](const RankedTrial &a, const RankedTrial &b) { return a.loss < b.loss; });
    const std::size_t topCount
        = std::max<std::size_t>(2, std::size_t(std::ceil(topFraction * double(completed.size()))));

    std::vector<ParameterImportanceEntry> entries;
    double total = 0.0;
    for (int p = 0; p < space.size(); ++p) {
        const Distribution &distribution = space.parameter(p).distribution;
        ParameterImportanceEntry entry;
        entry.parameter = p;
        entry.name = space.parameter(p).name;
        if (distribution.isCategorical()) {
            std::vector<int> top, all;
            for (std::size_t rank = 0; rank < completed.size(); ++rank) {
                const TrialParams &params = completed[rank].trial->params;
                if (p >= params.size() || !params.isActive(p))
                    continue;
                all.push_back(params.index(p));
                if (rank < topCount)
                    top.push_back(params.index(p));
            }
            entry.trialsUsed = int(all.size());
            entry.importance = categoricalDivergence(top, all, distribution.optionCount());
        } else {
            std::vector<double> top, all;
            std::vector<bool> inTop;
            for (std::size_t rank = 0; rank < completed.size(); ++rank) {
                const TrialParams &params = completed[rank].trial->params;
                if (p >= params.size() || !params.isActive(p))
                    continue;
                double value = params.raw(p);
                if (distribution.isLog()) {
                    if (!(value > 0.0))
                        continue;
                    value = std::log(value);
                }
                if (!std::isfinite(value))
                    continue;
                all.push_back(value);
                inTop.push_back(rank < topCount);
            }
            entry.trialsUsed = int(all.size());
            const auto [low, high] = all.empty() ? std::pair(0.0, 0.0)
                                                 : std::pair(*std::min_element(all.begin(), all.end()),
                                                             *std::max_element(all.begin(), all.end()));
            if (high > low) {
                for (std::size_t i = 0; i < all.size(); ++i) {
                    all[i] = (all[i] - low) / (high - low);
                    if (inTop[i])
                        top.push_back(all[i]);
                }
                entry.importance = top.size() >= 2 ? numericDivergence(top, all) : 0.0;
            }
        }
        total += entry.importance;
        entries.push_back(std::move(entry));
    }
    if (total > 0.0)
        for (ParameterImportanceEntry &entry : entries)
            entry.importance /= total;
    std::stable_sort(entries.begin(), entries.end(), [](const ParameterImportanceEntry &a,
                                                        const ParameterImportanceEntry &b) {
        return a.importance > b.importance;
    });
    return entries;
}

} // namespace loupe
