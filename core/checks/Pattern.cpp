#include "core/checks/Pattern.h"

#include "core/checks/PatternFilter.h"

#include <re2/re2.h>

namespace loupe {

namespace {

RE2::Options patternOptions()
{
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingUTF8);
    options.set_dot_nl(true);         // `.` is any character, as it always was for `regex` checks
    options.set_never_capture(true);  // matching only answers yes or no
    options.set_log_errors(false);    // errors go back to the suite as values
    return options;
}

// Where the piece an RE2 error quotes starts (0-based), or npos. The piece is a copy, so it is placed by
// parsing the prefixes that end at each of its occurrences: RE2 reads left to right and stops at the first
// error, so the first prefix that fails with the same error ends where the error is.
std::size_t errorOffset(std::string_view pattern, const RE2 &failed)
{
    const std::string &piece = failed.error_arg();
    if (failed.error_code() == RE2::ErrorTrailingBackslash)
        return pattern.empty() ? std::string_view::npos : pattern.size() - 1;
    if (piece.empty())
        return std::string_view::npos;
    std::size_t at = pattern.find(piece);
    if (at != std::string_view::npos && pattern.find(piece, at + 1) == std::string_view::npos)
        return at;
    for (; at != std::string_view::npos; at = pattern.find(piece, at + 1)) {
        const std::string_view prefix = pattern.substr(0, at + piece.size());
        const RE2 shorter(re2::StringPiece(prefix.data(), prefix.size()), patternOptions());
        if (shorter.error_code() == failed.error_code() && shorter.error_arg() == piece)
            return at;
    }
    return std::string_view::npos;
}

// Whether the source may hold an assertion about the text around a match (Pattern::matchesLocally).
bool hasContextAssertion(std::string_view pattern)
{
    if (pattern.find_first_of("^$") != std::string_view::npos)
        return true;
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] != '\\')
            continue;
        const char next = pattern[i + 1];
        if (next == 'A' || next == 'z' || next == 'b' || next == 'B')
            return true;
        ++i; // skip the escaped character: in \\b (an escaped backslash, then b) the b is a literal
    }
    return false;
}

} // namespace

Result<Pattern> Pattern::compile(std::string_view pattern, PatternMode mode)
{
    auto regex = std::make_shared<const RE2>(re2::StringPiece(pattern.data(), pattern.size()), patternOptions());
    if (!regex->ok()) {
        const std::size_t at = errorOffset(pattern, *regex);
        if (at == std::string_view::npos)
            return Status::invalidInput("pattern: " + regex->error());
        return Status::invalidInput("pattern position " + std::to_string(at + 1) + ": " + regex->error());
    }
    Pattern result;
    result.m_regex = std::move(regex);
    result.m_source = std::string(pattern);
    result.m_mode = mode;
    result.m_matchesLocally = !hasContextAssertion(pattern);
    return result;
}

bool Pattern::matches(std::string_view text) const
{
    const RE2::Anchor anchor = m_mode == PatternMode::FullMatch ? RE2::ANCHOR_BOTH : RE2::UNANCHORED;
    return m_regex->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), anchor, nullptr, 0);
}

int Pattern::requiredByte() const
{
    return loupe::requiredByte(*m_regex);
}

std::optional<Pattern::Span> Pattern::find(std::string_view text, std::size_t from) const
{
    re2::StringPiece match;
    if (!m_regex->Match(re2::StringPiece(text.data(), text.size()), from, text.size(), RE2::UNANCHORED, &match, 1))
        return std::nullopt;
    const auto begin = static_cast<std::size_t>(match.data() - text.data());
    return Span{begin, begin + match.size()};
}

} // namespace loupe
