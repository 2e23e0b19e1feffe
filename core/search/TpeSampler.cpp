#include "core/search/TpeSampler.h"

#include "core/util/RandomGenerator.h"
#include "core/search/CategoricalEstimator.h"
#include "core/search/MultivariateParzen.h"
#include "core/search/NumericDomain.h"
#include "core/search/ParzenEstimator.h"
#include "core/search/RandomSampler.h"
#include "core/search/TpeSplit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <tuple>

namespace loupe {

namespace {

constexpr double s_infinity = std::numeric_limits<double>::infinity();

// Fills a TpeDecision when the caller asked for a trace.
class DecisionRecorder {
public:
    DecisionRecorder(TpeTrace *trace, std::vector<int> parameters, const TpeSplit &split)
    {
        if (!trace)
            return;
        m_decision = &trace->decisions.emplace_back();
        m_decision->parameters = std::move(parameters);
        for (const Trial *trial : split.below())
            m_decision->below.push_back(trial->number);
        for (const Trial *trial : split.above())
            m_decision->above.push_back(trial->number);
    }
    void add(std::vector<double> values, double logBelow, double logAbove, bool best)
    {
        if (!m_decision)
            return;
        if (best)
            m_decision->chosen = static_cast<int>(m_decision->candidates.size());
        m_decision->candidates.push_back(std::move(values));
        m_decision->logBelow.push_back(logBelow);
        m_decision->logAbove.push_back(logAbove);
    }

private:
    TpeDecision *m_decision = nullptr;
};

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
    const std::vector<std::pair<double, int>> &sorted = observationIndex.sorted(index);
    out.values.reserve(group.size());
    // A small group (the "below" one: at most belowCap trials) is sorted on its own, in the index's
    // order (value, then trial number); walking the whole index for it would cost O(n) per parameter.
    if (group.size() * 16 < sorted.size()) {
        std::vector<std::tuple<double, int, int>> keyed; // (u, trial number, slot): ties as the index orders them
        for (const Trial *trial : group) {
            if (!trial->params.isActive(index))
                continue;
            const double u = domain.toInternal(trial->params.raw(index));
            keyed.emplace_back(u, trial->number, static_cast<int>(out.values.size()));
            out.values.push_back(u);
        }
        std::sort(keyed.begin(), keyed.end());
        for (const auto &[value, number, slot] : keyed)
            out.order.push_back(slot);
        return out;
    }
    for (const Trial *trial : group) {
        if (!trial->params.isActive(index))
            continue;
        slotOf[static_cast<std::size_t>(trial->number)] = static_cast<int>(out.values.size());
        out.values.push_back(domain.toInternal(trial->params.raw(index)));
    }
    out.order.reserve(out.values.size());
    for (const auto &[value, number] : sorted) {
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

double sampleCategorical(const Distribution &distribution, int index, const TpeSplit &split, const TpeOptions &options,
                         RandomGenerator &rng, TpeTrace *trace)
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
    const CategoricalEstimator below(prior, categories(split.below()), options.priorWeight, options.forgettingWindow);
    const CategoricalEstimator above(prior, categories(split.above()), options.priorWeight, options.forgettingWindow);
    DecisionRecorder recorder(trace, {index}, split);
    int best = 0;
    double bestScore = 0.0;
    for (int c = 0; c < options.eiCandidates; ++c) {
        const int candidate = below.sample(rng);
        const double logBelow = below.logProbability(candidate);
        const double logAbove = above.logProbability(candidate);
        const double score = scoreOrWorst(logBelow - logAbove);
        const bool better = c == 0 || score > bestScore;
        if (better) {
            best = candidate;
            bestScore = score;
        }
        recorder.add({candidate + offset}, logBelow, logAbove, better);
    }
    return best + offset;
}

double sampleNumeric(const Distribution &distribution, int index, const TpeSplit &split, const TpeOptions &options,
                     const IndexView &view, RandomGenerator &rng, TpeTrace *trace)
{
    const NumericDomain domain = NumericDomain::from(distribution, cellBounds(options));
    const bool hyperopt = options.mode == TpeMode::Hyperopt;
    const Bandwidths bandwidths = hyperopt ? Bandwidths::Hyperopt : Bandwidths::Optuna;
    const Normalisation normalisation = hyperopt ? Normalisation::Global : Normalisation::PerComponent;
    const GroupObservations good = groupObservations(split.below(), index, domain, view.index, view.slotOf);
    const GroupObservations bad = groupObservations(split.above(), index, domain, view.index, view.slotOf);
    const ParzenEstimator below(domain, good.values, options.priorWeight, options.forgettingWindow, bandwidths,
                                normalisation, &good.order);
    const ParzenEstimator above(domain, bad.values, options.priorWeight, options.forgettingWindow, bandwidths,
                                normalisation, &bad.order);
    // Draw every candidate, then score them together (one pass over each estimator's components).
    const auto count = static_cast<std::size_t>(std::max(options.eiCandidates, 0));
    std::vector<double> candidates(count);
    for (double &candidate : candidates)
        candidate = below.sample(rng);
    std::vector<double> logBelow(count);
    std::vector<double> logAbove(count);
    below.logDensities(candidates, logBelow);
    above.logDensities(candidates, logAbove);
    DecisionRecorder recorder(trace, {index}, split);
    double best = 0.0;
    double bestScore = 0.0;
    for (std::size_t c = 0; c < count; ++c) {
        const double score = scoreOrWorst(logBelow[c] - logAbove[c]);
        const bool better = c == 0 || score > bestScore;
        if (better) {
            best = candidates[c];
            bestScore = score;
        }
        recorder.add({candidates[c]}, logBelow[c], logAbove[c], better);
    }
    return best;
}

// Optuna's multivariate TPE over the always-active parameters; writes them into params.
void sampleJoint(const SearchSpace &space, const TpeSplit &split, const TpeOptions &options, const IndexView &view,
                 RandomGenerator &rng, TrialParams &params, TpeTrace *trace)
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
    const std::vector<std::vector<double>> belowColumns = observations(split.below(), belowOrders);
    const std::vector<std::vector<double>> aboveColumns = observations(split.above(), aboveOrders);
    const MultivariateParzen below(dimensions, belowColumns, options.priorWeight, options.forgettingWindow,
                                   &belowOrders);
    const MultivariateParzen above(dimensions, aboveColumns, options.priorWeight, options.forgettingWindow,
                                   &aboveOrders);
    DecisionRecorder recorder(trace, indices, split);
    auto raw = [&](std::vector<double> point) {
        for (std::size_t d = 0; d < indices.size(); ++d) {
            if (dimensions[d].categorical)
                point[d] += categoryOffset(space.parameter(indices[d]).distribution);
        }
        return point;
    };
    const auto count = static_cast<std::size_t>(std::max(options.eiCandidates, 0));
    std::vector<std::vector<double>> candidates(count);
    for (std::vector<double> &candidate : candidates)
        candidate = below.sample(rng);
    std::vector<double> logBelow(count);
    std::vector<double> logAbove(count);
    below.logDensities(candidates, logBelow);
    above.logDensities(candidates, logAbove);
    std::size_t best = 0;
    double bestScore = 0.0;
    for (std::size_t c = 0; c < count; ++c) {
        const double score = scoreOrWorst(logBelow[c] - logAbove[c]);
        const bool better = c == 0 || score > bestScore;
        if (trace)
            recorder.add(raw(candidates[c]), logBelow[c], logAbove[c], better);
        if (better) {
            best = c;
            bestScore = score;
        }
    }
    if (candidates.empty())
        return;
    for (std::size_t d = 0; d < indices.size(); ++d) {
        const Distribution &distribution = space.parameter(indices[d]).distribution;
        const double value = candidates[best][d];
        params.set(indices[d], dimensions[d].categorical ? value + categoryOffset(distribution) : value);
    }
}

} // namespace

std::string TpeSampler::name() const
{
    return m_options.mode == TpeMode::Hyperopt ? "tpe (hyperopt)" : "tpe (optuna-like)";
}

TrialParams TpeSampler::sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const
{
    return sample(space, history, trialNumber, nullptr);
}

TrialParams TpeSampler::sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber,
                               TpeTrace *trace) const
{
    RandomGenerator rng(trialSeed(m_seed, trialNumber));
    std::lock_guard lock(m_indexMutex);
    m_index.update(space, history);
    int lastNumber = -1;
    for (const Trial &trial : history)
        lastNumber = std::max(lastNumber, trial.number);
    std::vector<int> slotOf(static_cast<std::size_t>(lastNumber + 1), -1);
    const IndexView view{m_index, slotOf};
    const std::vector<TpeObservation> observed = TpeSplit::observe(history, m_options);
    const auto counted = m_options.startupCount == StartupCount::AllTrials
                           ? observed.size()
                           : static_cast<std::size_t>(std::count_if(observed.begin(), observed.end(),
                                                                    [](const TpeObservation &o) { return o.finished; }));
    if (counted < static_cast<std::size_t>(std::max(m_options.startupTrials, 1))) {
        if (trace)
            trace->startup = true;
        return RandomSampler::sampleFromPrior(space, rng);
    }

    const TpeSplit global = TpeSplit::of(observed, m_options);
    TrialParams params(space.size());
    if (m_options.joint == TpeJoint::Multivariate)
        sampleJoint(space, global, m_options, view, rng, params, trace);
    for (int i = 0; i < space.size(); ++i) {
        if (params.isActive(i) || !space.isActive(i, params))
            continue;
        const SearchParameter &parameter = space.parameter(i);
        const bool ownSplit = m_options.mode == TpeMode::OptunaLike && parameter.parent >= 0;
        TpeSplit local;
        if (ownSplit) {
            std::vector<TpeObservation> active;
            for (const TpeObservation &o : observed) {
                if (o.trial->params.isActive(i))
                    active.push_back(o);
            }
            local = TpeSplit::of(active, m_options);
        }
        const TpeSplit &split = ownSplit ? local : global;
        params.set(i, isCountLike(parameter.distribution)
                          ? sampleCategorical(parameter.distribution, i, split, m_options, rng, trace)
                          : sampleNumeric(parameter.distribution, i, split, m_options, view, rng, trace));
    }
    return params;
}

} // namespace loupe
