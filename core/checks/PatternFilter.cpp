#include "core/checks/PatternFilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <string>
#include <vector>

namespace loupe {

namespace {

enum class ByteUse { Unusable, Plain, Preferred };

ByteUse byteUse(unsigned char b)
{
    if (b >= 0x80 || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'))
        return ByteUse::Unusable; // part of a multi-byte character, or a letter of unknown case
    if ((b >= '0' && b <= '9') || b == ' ')
        return ByteUse::Plain; // common in text
    return ByteUse::Preferred;
}

} // namespace

int requiredByte(const re2::RE2 &regex)
{
    constexpr std::size_t kMaxAtoms = 64; // bounds the analysis on patterns with many alternatives
    re2::FilteredRE2 filter(1);
    int id = 0;
    if (filter.Add(regex.pattern(), regex.options(), &id) != RE2::NoError)
        return -1;
    std::vector<std::string> atoms;
    filter.Compile(&atoms);
    if (atoms.size() > kMaxAtoms)
        return -1;
    int plain = -1;
    std::vector<int> others;
    std::vector<int> passing;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
        // The atom is required when the pattern fails the prefilter with every other atom present.
        others.clear();
        for (std::size_t j = 0; j < atoms.size(); ++j) {
            if (j != i)
                others.push_back(static_cast<int>(j));
        }
        filter.AllPotentials(others, &passing);
        if (!passing.empty())
            continue;
        for (const char c : atoms[i]) {
            const auto b = static_cast<unsigned char>(c);
            const ByteUse use = byteUse(b);
            if (use == ByteUse::Preferred)
                return b;
            if (use == ByteUse::Plain && plain < 0)
                plain = b;
        }
    }
    return plain;
}

} // namespace loupe
