#include "core/search/ObservationIndex.h"

#include "core/search/NumericDomain.h"

#include <algorithm>

namespace loupe {

std::vector<double> ObservationIndex::fingerprint(const SearchSpace &space)
{
    std::vector<double> values;
    for (const SearchParameter &parameter : space.parameters()) {
        const Distribution &d = parameter.distribution;
        values.insert(values.end(), {static_cast<double>(d.kind()), d.low(), d.high(), d.mu(), d.sigma(), d.q(),
                                     static_cast<double>(d.optionCount()), static_cast<double>(parameter.parent)});
    }
    return values;
}

void ObservationIndex::reset(const SearchSpace &space)
{
    m_fingerprint = fingerprint(space);
    m_seen.clear();
    m_sorted.assign(static_cast<std::size_t>(space.size()), {});
}

void ObservationIndex::update(const SearchSpace &space, std::span<const Trial> history)
{
    if (m_sorted.size() != static_cast<std::size_t>(space.size()) || m_fingerprint != fingerprint(space))
        reset(space);
    for (const Trial &trial : history) {
        const auto number = static_cast<std::size_t>(trial.number);
        if (number < m_seen.size() && m_seen[number].size() > 0 && !(m_seen[number] == trial.params)) {
            reset(space);
            break;
        }
    }
    std::vector<std::size_t> firstNew(m_sorted.size());
    for (std::size_t p = 0; p < m_sorted.size(); ++p)
        firstNew[p] = m_sorted[p].size();
    std::vector<NumericDomain> domains(m_sorted.size());
    for (int p = 0; p < space.size(); ++p) {
        const Distribution &distribution = space.parameter(p).distribution;
        if (!distribution.isCategorical() && distribution.kind() != DistributionKind::RandInt)
            domains[static_cast<std::size_t>(p)] = NumericDomain::from(distribution, CellBounds::Exact);
    }
    for (const Trial &trial : history) {
        const auto number = static_cast<std::size_t>(trial.number);
        if (number >= m_seen.size())
            m_seen.resize(number + 1);
        if (m_seen[number].size() > 0)
            continue;
        m_seen[number] = trial.params;
        for (int p = 0; p < space.size(); ++p) {
            if (trial.params.isActive(p))
                m_sorted[static_cast<std::size_t>(p)].emplace_back(
                    domains[static_cast<std::size_t>(p)].toInternal(trial.params.raw(p)), trial.number);
        }
    }
    for (std::size_t p = 0; p < m_sorted.size(); ++p) {
        auto &list = m_sorted[p];
        const auto middle = list.begin() + static_cast<std::ptrdiff_t>(firstNew[p]);
        std::sort(middle, list.end());
        std::inplace_merge(list.begin(), middle, list.end());
    }
}

} // namespace loupe
