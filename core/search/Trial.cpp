#include "core/search/Trial.h"

namespace loupe {

std::string_view trialStateName(TrialState state)
{
    switch (state) {
    case TrialState::Running:
        return "RUNNING";
    case TrialState::Complete:
        return "COMPLETE";
    case TrialState::Fail:
        return "FAIL";
    case TrialState::Pruned:
        return "PRUNED";
    }
    return "UNKNOWN";
}

bool trialStateFromName(std::string_view name, TrialState &state)
{
    for (TrialState candidate : {TrialState::Running, TrialState::Complete, TrialState::Fail, TrialState::Pruned}) {
        if (trialStateName(candidate) == name) {
            state = candidate;
            return true;
        }
    }
    return false;
}

} // namespace loupe
