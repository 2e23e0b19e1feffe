#include "core/privacy/PiiMasker.h"

#include "core/privacy/CharClass.h"

namespace loupe {

namespace {

std::string maskEmail(std::string_view value)
{
    const std::size_t at = value.find('@');
    if (at == std::string_view::npos)
        return std::string(value.size(), '*');
    // A one-character local part would be shown whole: hide it entirely then.
    std::string result = at > 1 ? std::string(1, value[0]) : std::string();
    result += "***";
    result += value.substr(at);
    return result;
}

std::string maskIp(std::string_view value, char separator)
{
    const std::size_t first = value.find(separator);
    std::string result(value.substr(0, first == std::string_view::npos ? 0 : first));
    for (std::size_t i = result.size(); i < value.size(); ++i)
        result.push_back(value[i] == separator || value[i] == '.' || value[i] == ':' ? value[i] : '*');
    return result;
}

std::string maskDate(std::string_view value)
{
    // Keep the first two digits of a four-digit year (the century); hide every other digit.
    std::string result(value);
    std::size_t run = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        if (i < value.size() && charclass::isDigit(value[i])) {
            ++run;
            continue;
        }
        for (std::size_t k = i - run; k < i; ++k)
            if (!(run == 4 && k < i - 2))
                result[k] = '*';
        run = 0;
    }
    return result;
}

// The first character of each space-separated word, '*' for every other character (UTF-8 aware).
std::string maskPersonName(std::string_view value)
{
    std::string result;
    bool wordStart = true;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        if (c == ' ') {
            result.push_back(c);
            wordStart = true;
        } else if (wordStart || (continuation && !result.empty() && result.back() != '*')) {
            result.push_back(c); // the first character, with its continuation bytes
            wordStart = false;
        } else if (!continuation) {
            result.push_back('*');
        }
    }
    return result;
}

} // namespace

std::string PiiMasker::keepDigits(std::string_view value, int keepFirst, int keepLast)
{
    int total = 0;
    for (char c : value)
        total += charclass::isAlnum(c) ? 1 : 0;
    // Never show everything: short values keep fewer characters.
    while (keepFirst + keepLast >= total && (keepFirst > 0 || keepLast > 0)) {
        if (keepFirst > 0)
            --keepFirst;
        else
            --keepLast;
    }
    std::string result(value);
    int index = 0;
    for (char &c : result) {
        if (!charclass::isAlnum(c))
            continue;
        if (index >= keepFirst && index < total - keepLast)
            c = '*';
        ++index;
    }
    return result;
}

std::string PiiMasker::mask(PiiKind kind, std::string_view value)
{
    switch (kind) {
    case PiiKind::Ssn:
    case PiiKind::Phone:
        return keepDigits(value, 0, 4);
    case PiiKind::CreditCard:
        return keepDigits(value, 4, 4);
    case PiiKind::Iban:
        return keepDigits(value, 2, 4);
    case PiiKind::Email:
        return maskEmail(value);
    case PiiKind::Ipv4:
        return maskIp(value, '.');
    case PiiKind::Ipv6:
        return maskIp(value, ':');
    case PiiKind::BirthDate:
        return maskDate(value);
    case PiiKind::PersonName:
        return maskPersonName(value);
    }
    return std::string(value.size(), '*');
}

std::string PiiMasker::maskWhole(std::string_view value)
{
    std::size_t characters = 0;
    for (char c : value)
        characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (characters == 0)
        return {};
    std::string result;
    std::size_t i = 0;
    if (characters >= 4) {
        result.push_back(value[0]);
        for (i = 1; i < value.size() && (static_cast<unsigned char>(value[i]) & 0xC0) == 0x80; ++i)
            result.push_back(value[i]);
        --characters;
    }
    result.append(characters, '*');
    return result;
}

} // namespace loupe
