#include "core/checks/PatternFilter.h"

#include <algorithm>

namespace loupe {

namespace {

// Whether Match is reachable from start when every Consume state whose set is exactly {byte} is a wall.
bool reachesMatchAvoiding(const PatternProgram &program, int byte)
{
    std::vector<char> seen(program.states.size(), 0);
    std::vector<int> stack{program.start};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        if (s < 0 || seen[static_cast<std::size_t>(s)])
            continue;
        seen[static_cast<std::size_t>(s)] = 1;
        const PatternState &state = program.states[static_cast<std::size_t>(s)];
        switch (state.kind) {
        case PatternState::Kind::Match:
            return true;
        case PatternState::Kind::Split:
            stack.push_back(state.out);
            stack.push_back(state.out1);
            break;
        case PatternState::Kind::Consume:
            if (program.sets[static_cast<std::size_t>(state.set)].singleAsciiByte() != byte)
                stack.push_back(state.out);
            break;
        }
    }
    return false;
}

} // namespace

int requiredByte(const PatternProgram &program)
{
    constexpr std::size_t kMaxCandidates = 16; // bounds the analysis on long literal patterns
    std::vector<int> candidates;
    for (const PatternState &state : program.states) {
        if (state.kind != PatternState::Kind::Consume)
            continue;
        const int byte = program.sets[static_cast<std::size_t>(state.set)].singleAsciiByte();
        if (byte >= 0 && std::find(candidates.begin(), candidates.end(), byte) == candidates.end())
            candidates.push_back(byte);
        if (candidates.size() == kMaxCandidates)
            break;
    }
    const auto alphanumeric = [](int b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == ' ';
    };
    std::stable_partition(candidates.begin(), candidates.end(), [&](int b) { return !alphanumeric(b); });
    for (const int byte : candidates) {
        if (!reachesMatchAvoiding(program, byte))
            return byte;
    }
    return -1;
}

} // namespace loupe
