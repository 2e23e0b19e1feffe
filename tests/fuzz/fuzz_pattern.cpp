// libFuzzer target for `regex` patterns of suites (RE2 syntax, core/checks/Pattern): the first input byte
// picks the mode, the rest is the pattern. Properties: no crash; a compiled pattern matches a few texts
// (its own text among them) and a full match is always also a match somewhere (search).

#include "FuzzSupport.h"

#include "core/checks/Pattern.h"

namespace {
constexpr const char *kTarget = "fuzz_pattern";
constexpr std::string_view kTexts[] = {"", "a", "abc123", "489-22-6615", "line\nbreak", "\xc3\xa9t\xc3\xa9", "\xff\xfe"};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    if (size == 0)
        return 0;
    const std::string_view text = fuzz::asText(data + 1, size - 1);
    const Result<Pattern> full = Pattern::compile(text, PatternMode::FullMatch);
    const Result<Pattern> search = Pattern::compile(text, PatternMode::Search);
    if (full.isOk() != search.isOk())
        fuzz::fail(kTarget, "the modes disagree on compiling", full.isOk() ? search.message() : full.message());
    if (!full.isOk()) {
        if (full.message().empty())
            fuzz::fail(kTarget, "error without a message", "");
        return 0;
    }
    const auto check = [&](std::string_view subject) {
        if (full.value().matches(subject) && !search.value().matches(subject))
            fuzz::fail(kTarget, "full match but no search match", std::string(subject));
    };
    for (const std::string_view subject : kTexts)
        check(subject);
    check(text);
    check(fuzz::asText(data, size));
    return 0;
}
