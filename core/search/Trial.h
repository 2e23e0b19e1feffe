#pragma once
// One trial record as samplers, stores and the UI see it.

#include "core/search/TrialParams.h"

#include <optional>
#include <string>
#include <string_view>

namespace loupe {

enum class TrialState { Running, Complete, Fail, Pruned };

// "RUNNING", "COMPLETE", "FAIL", "PRUNED".
std::string_view trialStateName(TrialState state);
// false when name is not one of the four.
bool trialStateFromName(std::string_view name, TrialState &state);

struct Trial {
    int number = -1; // 0, 1, 2, ... unique within a study
    TrialState state = TrialState::Running;
    TrialParams params;
    std::optional<double> loss; // set iff state == Complete (finite) or Pruned (last value, may be unset)
    std::string error;          // the reason when state == Fail
    double seconds = 0.0;       // evaluation wall time (0 while running)
};

} // namespace loupe
