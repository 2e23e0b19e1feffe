#pragma once
// A compiled `regex` pattern (syntax: see PatternProgram.h) with a lazily built DFA, so matching is linear in
// the text and, once warm, one table lookup per ASCII byte. Not thread-safe (the DFA cache is mutable): give
// each thread its own copy.

#include "core/checks/PatternProgram.h"

#include <map>

namespace loupe {

enum class PatternMode {
    FullMatch, // the whole value must match (as Python re.fullmatch)
    Search,    // some part of the value must match (as Python re.search); ^ and $ anchor to the ends
};

class Pattern {
public:
    static Result<Pattern> compile(std::string_view pattern, PatternMode mode);

    bool matches(std::string_view text);
    const std::string &source() const { return m_source; }
    // An ASCII byte every matching text contains, or -1 (see PatternFilter.h).
    int requiredByte() const { return m_requiredByte; }

private:
    static constexpr int kUnknown = -1;
    static constexpr std::size_t kMaxDfaStates = 4096;

    int startState();
    int intern(std::vector<int> &&set);
    int step(int state, char32_t cp);
    void addClosure(int nfaState, std::vector<int> &set);
    void resetCache();
    void computeLeavesStart();

    std::string m_source;
    PatternProgram m_program;
    PatternMode m_mode = PatternMode::FullMatch;
    bool m_restartEachStep = false; // unanchored search: the start state joins every step
    bool m_acceptEarly = false;     // search without $: the first accepting state decides
    int m_requiredByte = -1;

    // DFA cache: state sets, their acceptance, ASCII transitions (128 per state).
    std::map<std::vector<int>, int> m_ids;
    std::vector<std::vector<int>> m_sets;
    std::vector<char> m_accepting;
    std::vector<char> m_stop; // per DFA state: matching can stop here (dead, or accepting when accepting early)
    std::vector<int> m_ascii;
    std::vector<std::uint32_t> m_mark;
    std::uint32_t m_generation = 0;
    int m_start = kUnknown;
    // Unanchored search: bytes that move the DFA off its start state (others are skipped in a tight loop).
    std::vector<char> m_leavesStart;
    int m_dead = kUnknown;
};

} // namespace loupe
