#include "core/checks/Pattern.h"

#include "core/checks/PatternFilter.h"

#include <algorithm>

namespace loupe {

Result<Pattern> Pattern::compile(std::string_view pattern, PatternMode mode)
{
    auto program = PatternProgram::compile(pattern);
    if (!program.isOk())
        return program.status();
    Pattern result;
    result.m_source = std::string(pattern);
    result.m_program = program.takeValue();
    result.m_mode = mode;
    const bool search = mode == PatternMode::Search;
    result.m_restartEachStep = search && !result.m_program.anchoredStart;
    result.m_acceptEarly = search && !result.m_program.anchoredEnd;
    result.m_requiredByte = loupe::requiredByte(result.m_program);
    result.m_mark.assign(result.m_program.states.size(), 0);
    return result;
}

void Pattern::resetCache()
{
    m_ids.clear();
    m_sets.clear();
    m_accepting.clear();
    m_stop.clear();
    m_ascii.clear();
    m_start = kUnknown;
    m_dead = kUnknown;
    m_leavesStart.clear();
}

void Pattern::addClosure(int nfaState, std::vector<int> &set)
{
    std::vector<int> stack{nfaState};
    while (!stack.empty()) {
        const int s = stack.back();
        stack.pop_back();
        auto &mark = m_mark[static_cast<std::size_t>(s)];
        if (mark == m_generation)
            continue;
        mark = m_generation;
        const PatternState &state = m_program.states[static_cast<std::size_t>(s)];
        if (state.kind == PatternState::Kind::Split) {
            stack.push_back(state.out1);
            stack.push_back(state.out);
        } else {
            set.push_back(s);
        }
    }
}

int Pattern::intern(std::vector<int> &&set)
{
    std::sort(set.begin(), set.end());
    if (const auto found = m_ids.find(set); found != m_ids.end())
        return found->second;
    if (m_sets.size() >= kMaxDfaStates) {
        // A pathological pattern: drop the cache and keep going (the caller holds no other ids).
        resetCache();
    }
    const int id = static_cast<int>(m_sets.size());
    bool accepting = false;
    for (const int s : set)
        accepting = accepting || m_program.states[static_cast<std::size_t>(s)].kind == PatternState::Kind::Match;
    m_ids.emplace(set, id);
    m_stop.push_back(set.empty() || (m_acceptEarly && accepting) ? 1 : 0);
    m_sets.push_back(std::move(set));
    m_accepting.push_back(accepting ? 1 : 0);
    m_ascii.insert(m_ascii.end(), 128, kUnknown);
    return id;
}

int Pattern::startState()
{
    if (m_start == kUnknown) {
        ++m_generation;
        std::vector<int> set;
        addClosure(m_program.start, set);
        m_start = intern(std::move(set));
    }
    return m_start;
}

int Pattern::step(int state, char32_t cp)
{
    ++m_generation;
    std::vector<int> next;
    for (const int s : m_sets[static_cast<std::size_t>(state)]) {
        const PatternState &nfa = m_program.states[static_cast<std::size_t>(s)];
        if (nfa.kind == PatternState::Kind::Consume && m_program.sets[static_cast<std::size_t>(nfa.set)].contains(cp))
            addClosure(nfa.out, next);
    }
    if (m_restartEachStep)
        addClosure(m_program.start, next);
    return intern(std::move(next));
}

void Pattern::computeLeavesStart()
{
    m_leavesStart.assign(256, 1);
    const int start = startState();
    for (int byte = 0; byte < 128; ++byte) {
        const int next = step(start, static_cast<char32_t>(byte));
        if (m_start != start) { // the cache was reset while stepping: skip nothing
            m_leavesStart.assign(256, 1);
            return;
        }
        m_ascii[static_cast<std::size_t>(start) * 128 + static_cast<std::size_t>(byte)] = next;
        m_leavesStart[static_cast<std::size_t>(byte)] = next != start ? 1 : 0;
    }
}

bool Pattern::matches(std::string_view text)
{
    int state = startState();
    if (m_stop[static_cast<std::size_t>(state)])
        return m_accepting[static_cast<std::size_t>(state)] != 0;
    if (m_restartEachStep && m_leavesStart.empty()) {
        computeLeavesStart();
        state = startState();
    }
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        if (state == m_start && !m_leavesStart.empty()) {
            while (i < n && !m_leavesStart[bytes[i]])
                ++i;
            if (i == n)
                break;
        }
        const unsigned char byte = bytes[i];
        int next;
        if (byte < 0x80) {
            next = m_ascii[static_cast<std::size_t>(state) * 128 + byte];
            if (next == kUnknown) {
                const std::size_t before = m_sets.size();
                next = step(state, byte);
                if (m_sets.size() >= before) // no cache reset happened: the slot is still ours
                    m_ascii[static_cast<std::size_t>(state) * 128 + byte] = next;
            }
            ++i;
        } else {
            next = step(state, decodeUtf8(text, i));
        }
        state = next;
        if (m_stop[static_cast<std::size_t>(state)])
            return m_accepting[static_cast<std::size_t>(state)] != 0;
    }
    return m_accepting[static_cast<std::size_t>(state)] != 0;
}

} // namespace loupe
