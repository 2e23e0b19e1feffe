#include "core/privacy/PersonNameDetector.h"

#include <cmath>

namespace loupe {

namespace {

enum class NameCase { Upper, Lower, Either, NotALetter };

// One code point of UTF-8 text at i; its byte length, or 0 for a malformed sequence.
std::size_t decodeNameChar(std::string_view text, std::size_t i, char32_t &point)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size())
        return 0;
    point = length == 1 ? lead : length == 2 ? (lead & 0x1F) : length == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        point = (point << 6) | (byte(i + k) & 0x3F);
    }
    return length;
}

NameCase nameCase(char32_t point)
{
    if (point >= 'A' && point <= 'Z')
        return NameCase::Upper;
    if (point >= 'a' && point <= 'z')
        return NameCase::Lower;
    // Latin-1 letters, Latin Extended-A and -B, Latin Extended Additional (× and ÷ are not letters).
    if ((point >= 0xC0 && point <= 0x24F && point != 0xD7 && point != 0xF7) || (point >= 0x1E00 && point <= 0x1EFF))
        return NameCase::Either;
    return NameCase::NotALetter;
}

enum class NameToken { Word, Initial, Title, Suffix, Particle, Invalid };

constexpr std::string_view kNameParticles[] = {"van", "von", "de", "da", "del", "della", "der", "den", "di",
                                               "du",  "la",  "le", "bin", "al", "dos",  "das", "ten", "ter", "y"};
constexpr std::string_view kNameTitles[] = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Prof"};
constexpr std::string_view kNameSuffixes[] = {"Jr", "Sr"};
constexpr std::string_view kRomanSuffixes[] = {"II", "III", "IV"};

template <std::size_t N>
bool inNameList(std::string_view word, const std::string_view (&list)[N])
{
    for (std::string_view item : list)
        if (item == word)
            return true;
    return false;
}

std::string_view withoutDot(std::string_view token)
{
    return !token.empty() && token.back() == '.' ? token.substr(0, token.size() - 1) : token;
}

bool isNameJoiner(char32_t point)
{
    return point == '\'' || point == 0x2019 || point == '-';
}

// A capitalised word: letters with inner joiners between letters, capitals only after a small letter
// or a joiner (McDonald, O'Brien), at least two letters.
bool isNameWord(std::string_view token)
{
    std::size_t letters = 0;
    NameCase previous = NameCase::NotALetter;
    bool previousJoiner = false;
    for (std::size_t i = 0; i < token.size();) {
        char32_t point = 0;
        const std::size_t length = decodeNameChar(token, i, point);
        if (length == 0)
            return false;
        const NameCase kind = nameCase(point);
        if (kind == NameCase::NotALetter) {
            if (!isNameJoiner(point) || previous == NameCase::NotALetter || previousJoiner)
                return false;
            previousJoiner = true;
        } else {
            if (letters == 0 && kind == NameCase::Lower)
                return false;
            if (letters > 0 && kind == NameCase::Upper && !previousJoiner && previous != NameCase::Lower
                && previous != NameCase::Either)
                return false;
            ++letters;
            previous = kind;
            previousJoiner = false;
        }
        i += length;
    }
    return letters >= 2 && !previousJoiner;
}

bool isNameInitial(std::string_view token)
{
    const std::string_view letter = withoutDot(token);
    char32_t point = 0;
    const std::size_t length = letter.empty() ? 0 : decodeNameChar(letter, 0, point);
    return length != 0 && length == letter.size() && (nameCase(point) == NameCase::Upper || nameCase(point) == NameCase::Either);
}

NameToken classifyNameToken(std::string_view token)
{
    if (inNameList(token, kNameParticles))
        return NameToken::Particle;
    if (inNameList(withoutDot(token), kNameTitles))
        return NameToken::Title;
    if (inNameList(withoutDot(token), kNameSuffixes) || inNameList(token, kRomanSuffixes))
        return NameToken::Suffix;
    if (isNameInitial(token))
        return NameToken::Initial;
    return isNameWord(token) ? NameToken::Word : NameToken::Invalid;
}

} // namespace

bool PersonNameDetector::looksLikeName(std::string_view text, PersonNameHint hint)
{
    const bool whole = hint == PersonNameHint::WholeName;
    std::size_t nameTokens = 0, words = 0, position = 0;
    bool suffixSeen = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view token = text.substr(start, end - start);
        const bool atEnd = end == text.size();
        if (whole && position == 0 && !atEnd && token.size() > 1 && token.back() == ',')
            token.remove_suffix(1); // "Smith, John"
        const NameToken kind = classifyNameToken(token);
        if (kind == NameToken::Invalid || suffixSeen)
            return false;
        if (kind == NameToken::Title && position != 0)
            return false;
        if (kind == NameToken::Particle && ((whole && position == 0) || atEnd))
            return false;
        if (kind == NameToken::Suffix && (!atEnd || nameTokens == 0))
            return false;
        suffixSeen = kind == NameToken::Suffix;
        nameTokens += kind == NameToken::Word || kind == NameToken::Initial ? 1 : 0;
        words += kind == NameToken::Word ? 1 : 0;
        ++position;
        start = end + 1;
    }
    const std::size_t fewest = whole ? 2 : 1;
    const std::size_t most = whole ? 4 : 3;
    return words >= 1 && nameTokens >= fewest && nameTokens <= most;
}

PersonNameVerdict PersonNameDetector::judge(const Column &column, const ColumnNameHints &hints, PersonNameRules rules)
{
    PersonNameVerdict verdict;
    const bool text = column.type() == ColumnType::String || column.type() == ColumnType::Categorical;
    if (hints.personName == PersonNameHint::None || !text)
        return verdict;
    const std::size_t present = column.size() - column.missingCount();
    const std::size_t sample = std::max<std::size_t>(1, rules.sampleRows);
    const std::size_t step = std::max<std::size_t>(1, present / sample);
    std::size_t seen = 0, matching = 0;
    for (std::size_t row = 0; row < column.size() && verdict.checked < sample; ++row) {
        if (!column.isValid(row) || seen++ % step != 0)
            continue;
        const std::string_view value =
            column.type() == ColumnType::String ? column.stringAt(row) : column.categoryAt(row);
        ++verdict.checked;
        matching += looksLikeName(value, hints.personName) ? 1 : 0;
    }
    if (verdict.checked == 0)
        return verdict;
    verdict.share = double(matching) / double(verdict.checked);
    verdict.hint = hints.personName;
    verdict.personName = verdict.checked >= rules.minValues && verdict.share >= rules.minShare;
    if (verdict.personName)
        verdict.reason = std::string(hints.personName == PersonNameHint::NamePart ? "named like part of a person's name"
                                                                                  : "named like a person's name")
                         + "; " + std::to_string(int(std::floor(verdict.share * 100.0))) + "% of "
                         + std::to_string(verdict.checked) + " sampled values look like one";
    return verdict;
}

} // namespace loupe
