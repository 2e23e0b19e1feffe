#pragma once
// A Pattern's answers remembered per distinct text, so a column whose values repeat (merchants, names,
// codes stored as text) runs the matcher once per distinct value, as a Categorical column does once per
// category. A call into RE2 costs tens of nanoseconds even on a short text; a remembered answer costs one
// hash and one comparison. When the first kTrialLookups texts are mostly distinct the memo stops looking
// and asks the pattern every time, so unique values pay only for the trial.

#include "core/checks/Pattern.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace loupe {

class PatternMemo {
public:
    // requires: pattern outlives the memo.
    explicit PatternMemo(const Pattern &pattern) : m_pattern(pattern) {}

    // pattern.matches(text). requires: every text passed in stays alive and unchanged while the memo lives
    // (the memo keeps views of them, e.g. into a column's character buffer).
    bool matches(std::string_view text);
    // False once the trial found mostly distinct texts (matches() then asks the pattern every time).
    bool remembering() const { return m_remembering; }

private:
    // The table starts small (cache-resident for a few hundred values) and doubles at half load up to
    // kMaxSlots, which remembers kMaxSlots / 2 distinct texts; later new texts are answered, not kept.
    static constexpr std::size_t kFirstSlots = 64;
    static constexpr std::size_t kMaxSlots = 1 << 14;
    static constexpr std::uint64_t kTrialLookups = 1 << 14;

    struct Slot {
        std::string_view text;
        std::uint64_t hash = 0;
        bool used = false;
        bool answer = false;
    };

    void grow();

    const Pattern &m_pattern;
    std::vector<Slot> m_slots; // allocated on the first lookup
    std::size_t m_remembered = 0;
    std::uint64_t m_lookups = 0;
    std::uint64_t m_misses = 0;
    bool m_remembering = true;
};

} // namespace loupe
