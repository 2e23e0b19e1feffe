#include "core/checks/PatternMemo.h"

#include "core/checks/assertions/CellKeys.h"

namespace loupe {

bool PatternMemo::matches(std::string_view text)
{
    if (!m_remembering)
        return m_pattern.matches(text);
    if (m_slots.empty())
        m_slots.resize(kFirstSlots);
    ++m_lookups;
    const std::uint64_t hash = hashText(text);
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    while (m_slots[i].used) {
        const Slot &slot = m_slots[i];
        if (slot.hash == hash && slot.text == text)
            return slot.answer;
        i = (i + 1) & mask;
    }
    ++m_misses;
    const bool answer = m_pattern.matches(text);
    if ((m_remembered + 1) * 2 <= m_slots.size()) {
        m_slots[i] = Slot{text, hash, true, answer};
        if ((++m_remembered + 1) * 2 > m_slots.size() && m_slots.size() < kMaxSlots)
            grow();
    }
    if (m_lookups == kTrialLookups && m_misses * 2 > m_lookups) {
        m_remembering = false; // mostly distinct values: remembering costs more than it saves
        m_slots = std::vector<Slot>();
    }
    return answer;
}

void PatternMemo::grow()
{
    std::vector<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const std::size_t mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (!slot.used)
            continue;
        std::size_t i = slot.hash & mask;
        while (m_slots[i].used)
            i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

} // namespace loupe
