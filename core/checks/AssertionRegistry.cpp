#include "core/checks/AssertionRegistry.h"

#include <algorithm>
#include <cassert>
#include <cctype>

namespace loupe {

const AssertionRegistry &AssertionRegistry::builtin()
{
    static const AssertionRegistry s_registry = [] {
        AssertionRegistry registry;
        registerBuiltinAssertions(registry);
        return registry;
    }();
    return s_registry;
}

void AssertionRegistry::add(std::unique_ptr<Assertion> assertion)
{
    assert(assertion && !find(assertion->name()));
    m_assertions.push_back(std::move(assertion));
}

const Assertion *AssertionRegistry::find(std::string_view name) const
{
    for (const auto &assertion : m_assertions) {
        if (assertion->name() == name)
            return assertion.get();
    }
    return nullptr;
}

std::vector<std::string> AssertionRegistry::names() const
{
    std::vector<std::string> names;
    names.reserve(m_assertions.size());
    for (const auto &assertion : m_assertions)
        names.emplace_back(assertion->name());
    std::sort(names.begin(), names.end());
    return names;
}

std::string AssertionRegistry::closestName(std::string_view name) const { return closestWord(name, names()); }

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = std::tolower(static_cast<unsigned char>(a[i - 1]))
                              == std::tolower(static_cast<unsigned char>(b[j - 1]));
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string closestWord(std::string_view word, const std::vector<std::string> &candidates)
{
    std::string best;
    std::size_t bestDistance = static_cast<std::size_t>(-1);
    for (const std::string &candidate : candidates) {
        const std::size_t d = editDistance(word, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    }
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    return bestDistance <= limit ? best : std::string();
}

} // namespace loupe
