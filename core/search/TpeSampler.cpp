#include "core/search/TpeSampler.h"

#include "core/util/RandomGenerator.h"
#include "core/search/CategoricalEstimator.h"
#include "core/search/MultivariateParzen.h"
#include "core/search/NumericDomain.h"
#include "core/search/ParzenEstimator.h"
#include "core/search/RandomSampler.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace loupe {

namespace {

constexpr double s_infinity = std::numeric_limits<double>::infinity();

struct Observed {
    const Trial *trial;
    double loss;
    bool finished;
};

struct Split {
    std::vector<const Trial *> below; // trial order
    std::vector<const Trial *> above; // trial order
};

int belowCount(const TpeOptions &options, int n)
{
    const double raw = options.gammaRule == GammaRule::SquareRoot ? options.gamma * std::sqrt(static_cast<double>(n))
                                                                  : options.gamma * n;
    return std::min(static_cast<int>(std::ceil(raw)), options.belowCap);
}

std::vector<Observed> observedTrials(std::span<const Trial> history, const TpeOptions &options)
{
    std::vector<Observed> observed;
    observed.reserve(history.size());
    for (const Trial &trial : history) {
        if (trial.state == TrialState::Fail)
            continue;
        const bool running = trial.state == TrialState::Running;
        if (running && options.running == RunningTrials::Ignore)
            continue;
        observed.push_back({&trial, trial.loss && !running ? *trial.loss : s_infinity, !running});
    }
    return observed;
}

// hyperopt: all observed trials ranked by loss (running = +inf). Optuna: finished trials ranked
// (complete before pruned), running ones always above.
Split splitTrials(const std::vector<Observed> &observed, const TpeOptions &options)
{
    // (pruned?, loss, position): the position keeps equal losses in trial order.
    std::vector<std::tuple<bool, double, int>> ranked;
    for (int i = 0; i < static_cast<int>(observed.size()); ++i) {
        const Observed &o = observed[static_cast<std::size_t>(i)];
        if (options.mode == TpeMode::Hyperopt || o.finished) {
            const bool pruned = options.mode == TpeMode::OptunaLike && o.trial->state == TrialState::Pruned;
            ranked.emplace_back(pruned, o.loss, i);
        }
    }
    const int count = std::min(belowCount(options, static_cast<int>(ranked.size())), static_cast<int>(ranked.size()));
    std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end());
    std::vector<char> isBelow(observed.size(), 0);
    for (int i = 0; i < count; ++i)
        isBelow[static_cast<std::size_t>(std::get<2>(ranked[static_cast<std::size_t>(i)]))] = 1;
    Split split;
    for (std::size_t i = 0; i < observed.size(); ++i)
        (isBelow[i] ? split.below : split.above).push_back(observed[i].trial);
    return split;
}

bool isCountLike(const Distribution &distribution)
{
    return distribution.isCategorical() || distribution.kind() == DistributionKind::RandInt;
}

Eigen::ArrayXd categoryPrior(const Distribution &distribution)
{
    if (distribution.kind() == DistributionKind::RandInt) {
        const auto categories = static_cast<Eigen::Index>(distribution.high() - distribution.low());
        return Eigen::ArrayXd::Constant(categories, 1.0 / static_cast<double>(categories));
    }
    return Eigen::Map<const Eigen::ArrayXd>(distribution.probabilities().data(),
                                            static_cast<Eigen::Index>(distribution.probabilities().size()));
}

double categoryOffset(const Distribution &distribution)
{
    return distribution.kind() == DistributionKind::RandInt ? distribution.low() : 0.0;
}

CellBounds cellBounds(const TpeOptions &options)
{
    return options.mode == TpeMode::Hyperopt ? CellBounds::Exact : CellBounds::WidenedByHalfStep;
}

// A group's observations of one numeric parameter in trial order (slot = position among the
// group's trials where it is active) and the slots ordered by value, read off the sorted index.
struct GroupObservations {
    std::vector<double> values;
    std::vector<int> order;
};

GroupObservations groupObservations(const std::vector<const Trial *> &group, int index, const NumericDomain &domain,
                                    const ObservationIndex &observationIndex, std::vector<int> &slotOf)
{
    GroupObservations out;
    for (const Trial *trial : group) {
        if (!trial->params.isActive(index))
            continue;
        slotOf[static_cast<std::size_t>(trial->number)] = static_cast<int>(out.values.size());
        out.values.push_back(domain.toInternal(trial->params.raw(index)));
    }
    out.order.reserve(out.values.size());
    for (const auto &[value, number] : observationIndex.sorted(index)) {
        if (static_cast<std::size_t>(number) < slotOf.size() && slotOf[static_cast<std::size_t>(number)] >= 0)
            out.order.push_back(slotOf[static_cast<std::size_t>(number)]);
    }
    for (const Trial *trial : group)
        slotOf[static_cast<std::size_t>(trial->number)] = -1;
    return out;
}

struct IndexView {
    const ObservationIndex &index;
    std::vector<int> &slotOf; // scratch: -1 for every trial number in the history
};

double scoreOrWorst(double score)
{
    return std::isnan(score) ? -s_infinity : score;
}

double sampleCategorical(const Distribution &distribution, int index, const Split &split, const TpeOptions &options,
                         RandomGenerator &rng)
{
    const double offset = categoryOffset(distribution);
    auto categories = [&](const std::vector<const Trial *> &trials) {
        std::vector<int> observed;
        for (const Trial *trial : trials) {
            if (trial->params.isActive(index))
                observed.push_back(static_cast<int>(trial->params.raw(index) - offset));
        }
        return observed;
    };
    const Eigen::ArrayXd prior = categoryPrior(distribution);
    const CategoricalEstimator below(prior, categories(split.below), options.priorWeight, options.forgettingWindow);
    const CategoricalEstimator above(prior, categories(split.above), options.priorWeight, options.forgettingWindow);
    int best = below.sample(rng);
    double bestScore = scoreOrWorst(below.logProbability(best) - above.logProbability(best));
    for (int c = 1; c < options.eiCandidates; ++c) {
        const int candidate = below.sample(rng);
        const double score = scoreOrWorst(below.logProbability(candidate) - above.logProbability(candidate));
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best + offset;
}

double sampleNumeric(const Distribution &distribution, int index, const Split &split, const TpeOptions &options,
                     const IndexView &view, RandomGenerator &rng)
{
    const NumericDomain domain = NumericDomain::from(distribution, cellBounds(options));
    const bool hyperopt = options.mode == TpeMode::Hyperopt;
    const Bandwidths bandwidths = hyperopt ? Bandwidths::Hyperopt : Bandwidths::Optuna;
    const Normalisation normalisation = hyperopt ? Normalisation::Global : Normalisation::PerComponent;
    const GroupObservations good = groupObservations(split.below, index, domain, view.index, view.slotOf);
    const GroupObservations bad = groupObservations(split.above, index, domain, view.index, view.slotOf);
    const ParzenEstimator below(domain, good.values, options.priorWeight, options.forgettingWindow, bandwidths,
                                normalisation, &good.order);
    const ParzenEstimator above(domain, bad.values, options.priorWeight, options.forgettingWindow, bandwidths,
                                normalisation, &bad.order);
    double best = below.sample(rng);
    double bestScore = scoreOrWorst(below.logDensity(best) - above.logDensity(best));
    for (int c = 1; c < options.eiCandidates; ++c) {
        const double candidate = below.sample(rng);
        const double score = scoreOrWorst(below.logDensity(candidate) - above.logDensity(candidate));
        if (score > bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

// Optuna's multivariate TPE over the always-active parameters; writes them into params.
void sampleJoint(const SearchSpace &space, const Split &split, const TpeOptions &options, const IndexView &view,
                 RandomGenerator &rng, TrialParams &params)
{
    std::vector<int> indices;
    std::vector<KernelDimension> dimensions;
    for (int i = 0; i < space.size(); ++i) {
        const Distribution &distribution = space.parameter(i).distribution;
        if (space.parameter(i).parent >= 0)
            continue;
        KernelDimension dimension;
        dimension.categorical = isCountLike(distribution);
        if (dimension.categorical)
            dimension.categoryPrior = categoryPrior(distribution);
        else
            dimension.domain = NumericDomain::from(distribution, cellBounds(options));
        indices.push_back(i);
        dimensions.push_back(std::move(dimension));
    }
    if (indices.empty())
        return;
    auto observations = [&](const std::vector<const Trial *> &trials, std::vector<std::vector<int>> &orders) {
        std::vector<std::vector<double>> columns(indices.size());
        orders.assign(indices.size(), {});
        for (std::size_t d = 0; d < indices.size(); ++d) {
            if (!dimensions[d].categorical) {
                GroupObservations group = groupObservations(trials, indices[d], dimensions[d].domain, view.index,
                                                            view.slotOf);
                columns[d] = std::move(group.values);
                orders[d] = std::move(group.order);
                continue;
            }
            const double offset = categoryOffset(space.parameter(indices[d]).distribution);
            for (const Trial *trial : trials)
                columns[d].push_back(trial->params.raw(indices[d]) - offset);
        }
        return columns;
    };
    std::vector<std::vector<int>> belowOrders;
    std::vector<std::vector<int>> aboveOrders;
    const std::vector<std::vector<double>> belowColumns = observations(split.below, belowOrders);
    const std::vector<std::vector<double>> aboveColumns = observations(split.above, aboveOrders);
    const MultivariateParzen below(dimensions, belowColumns, options.priorWeight, options.forgettingWindow,
                                   &belowOrders);
    const MultivariateParzen above(dimensions, aboveColumns, options.priorWeight, options.forgettingWindow,
                                   &aboveOrders);
    std::vector<double> best = below.sample(rng);
    double bestScore = scoreOrWorst(below.logDensity(best) - above.logDensity(best));
    for (int c = 1; c < options.eiCandidates; ++c) {
        std::vector<double> candidate = below.sample(rng);
        const double score = scoreOrWorst(below.logDensity(candidate) - above.logDensity(candidate));
        if (score > bestScore) {
            best = std::move(candidate);
            bestScore = score;
        }
    }
    for (std::size_t d = 0; d < indices.size(); ++d) {
        const Distribution &distribution = space.parameter(indices[d]).distribution;
        params.set(indices[d], dimensions[d].categorical ? best[d] + categoryOffset(distribution) : best[d]);
    }
}

} // namespace

std::string TpeSampler::name() const
{
    return m_options.mode == TpeMode::Hyperopt ? "tpe (hyperopt)" : "tpe (optuna-like)";
}

TrialParams TpeSampler::sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const
{
    RandomGenerator rng(trialSeed(m_seed, trialNumber));
    std::lock_guard lock(m_indexMutex);
    m_index.update(space, history);
    int lastNumber = -1;
    for (const Trial &trial : history)
        lastNumber = std::max(lastNumber, trial.number);
    std::vector<int> slotOf(static_cast<std::size_t>(lastNumber + 1), -1);
    const IndexView view{m_index, slotOf};
    const std::vector<Observed> observed = observedTrials(history, m_options);
    const auto counted = m_options.startupCount == StartupCount::AllTrials
                           ? observed.size()
                           : static_cast<std::size_t>(std::count_if(observed.begin(), observed.end(),
                                                                    [](const Observed &o) { return o.finished; }));
    if (counted < static_cast<std::size_t>(std::max(m_options.startupTrials, 1)))
        return RandomSampler::sampleFromPrior(space, rng);

    const Split global = splitTrials(observed, m_options);
    TrialParams params(space.size());
    if (m_options.joint == TpeJoint::Multivariate)
        sampleJoint(space, global, m_options, view, rng, params);
    for (int i = 0; i < space.size(); ++i) {
        if (params.isActive(i) || !space.isActive(i, params))
            continue;
        const SearchParameter &parameter = space.parameter(i);
        Split local;
        if (m_options.mode == TpeMode::OptunaLike && parameter.parent >= 0) {
            std::vector<Observed> active;
            for (const Observed &o : observed) {
                if (o.trial->params.isActive(i))
                    active.push_back(o);
            }
            local = splitTrials(active, m_options);
        }
        const Split &split = m_options.mode == TpeMode::OptunaLike && parameter.parent >= 0 ? local : global;
        params.set(i, isCountLike(parameter.distribution)
                          ? sampleCategorical(parameter.distribution, i, split, m_options, rng)
                          : sampleNumeric(parameter.distribution, i, split, m_options, view, rng));
    }
    return params;
}

} // namespace loupe
