#pragma once
// Internal to PiiTextScanner: a run of digit groups joined by single separators, e.g. "(212) 555-0123",
// "4111 1111 1111 1111", "192.168.0.1", "+44 20 7946 0958", and the matching of the numeric kinds on it.

#include "core/privacy/ColumnNameHints.h"
#include "core/privacy/PiiTextScanner.h"

#include <string_view>
#include <vector>

namespace loupe {

class DigitCluster {
public:
    static constexpr int kMaxGroups = 12;

    // Parses the cluster that starts at `pos` (a digit, or '+' / '(' before a digit).
    DigitCluster(std::string_view text, std::size_t pos);

    bool isEmpty() const { return m_count == 0; }
    // One past the cluster's last byte (its last group's digits, or its ')').
    std::size_t end() const { return m_end; }

    // Appends the numeric findings of the cluster, left to right.
    void match(const ColumnNameHints &hints, std::vector<PiiSpan> &out) const;

private:
    struct Group {
        std::uint32_t begin = 0;
        std::uint32_t end = 0;
        char sepBefore = 0; // the separator before this group; 0 for the first; ')' right after "(ddd)"
        bool paren = false;
    };

    int length(int g) const { return static_cast<int>(m_groups[g].end - m_groups[g].begin); }
    std::string_view digits(int g) const;
    bool startOk(int s) const;
    bool endOk(int e) const;
    PiiSpan span(PiiKind kind, int s, int e, bool withPlus) const;

    int matchIpv4(int s) const;
    int matchSsn(int s, const ColumnNameHints &hints) const;
    int matchCard(int s) const;
    int matchPhone(int s, const ColumnNameHints &hints, bool &withPlus) const;
    int matchPlusPhone() const;
    int matchDate(int s, const ColumnNameHints &hints) const;
    bool birthContextBefore(std::size_t pos) const;

    std::string_view m_text;
    Group m_groups[kMaxGroups];
    int m_count = 0;
    bool m_plus = false;
    bool m_glued = false; // a letter or digit follows the cluster: it cannot end a finding
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

} // namespace loupe
