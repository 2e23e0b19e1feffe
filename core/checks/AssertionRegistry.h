#pragma once
// Name -> assertion. builtin() holds every assertion of core/checks (registered in BuiltinAssertions.cpp);
// tests may build their own registry.

#include "core/checks/Assertion.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

class AssertionRegistry {
public:
    // The registry with all built-in assertions; built once, thread-safe to read.
    static const AssertionRegistry &builtin();

    // requires: no assertion of the same name is registered.
    void add(std::unique_ptr<Assertion> assertion);
    const Assertion *find(std::string_view name) const;
    std::vector<std::string> names() const; // sorted
    // The registered name closest to a misspelt one (edit distance), "" when nothing is reasonably close.
    std::string closestName(std::string_view name) const;

private:
    std::vector<std::unique_ptr<Assertion>> m_assertions;
};

// Adds every built-in assertion (defined in BuiltinAssertions.cpp, one line per assertion).
void registerBuiltinAssertions(AssertionRegistry &registry);

// Levenshtein distance, used for "did you mean" hints.
std::size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to word, or "" when the best distance exceeds max(2, word.size() / 3).
std::string closestWord(std::string_view word, const std::vector<std::string> &candidates);

} // namespace loupe
