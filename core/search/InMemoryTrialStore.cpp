#include "core/search/InMemoryTrialStore.h"

#include <algorithm>

namespace loupe {

Result<std::optional<int>> InMemoryTrialStore::reserve(const TrialParams &params, int maxTrials, BudgetRule rule)
{
    std::lock_guard lock(m_mutex);
    if (maxTrials >= 0) {
        const auto counted = std::count_if(m_trials.begin(), m_trials.end(), [rule](const Trial &trial) {
            return rule == BudgetRule::AllTrials || trial.state != TrialState::Fail;
        });
        if (counted >= maxTrials)
            return std::optional<int>();
    }
    Trial trial;
    trial.number = static_cast<int>(m_trials.size());
    trial.state = TrialState::Running;
    trial.params = params;
    m_trials.push_back(std::move(trial));
    return std::optional<int>(m_trials.back().number);
}

Status InMemoryTrialStore::finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                                  double seconds)
{
    std::lock_guard lock(m_mutex);
    if (number < 0 || number >= static_cast<int>(m_trials.size()))
        return Status::invalidInput("trial " + std::to_string(number) + " does not exist");
    Trial &trial = m_trials[static_cast<std::size_t>(number)];
    if (trial.state != TrialState::Running)
        return Status::invalidInput("trial " + std::to_string(number) + " is already "
                                    + std::string(trialStateName(trial.state)));
    trial.state = state;
    trial.loss = loss;
    trial.error = error;
    trial.seconds = seconds;
    return Status::ok();
}

Result<std::vector<Trial>> InMemoryTrialStore::trials() const
{
    std::lock_guard lock(m_mutex);
    return m_trials;
}

} // namespace loupe
