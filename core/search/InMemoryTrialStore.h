#pragma once
// TrialStore in process memory, guarded by a mutex (safe for Study's worker threads).

#include "core/search/TrialStore.h"

#include <mutex>

namespace loupe {

class InMemoryTrialStore : public TrialStore {
public:
    Result<std::optional<int>> reserve(const TrialParams &params, int maxTrials, BudgetRule rule) override;
    Status finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                  double seconds) override;
    Result<std::vector<Trial>> trials() const override;

private:
    mutable std::mutex m_mutex;
    std::vector<Trial> m_trials; // index == number
};

} // namespace loupe
