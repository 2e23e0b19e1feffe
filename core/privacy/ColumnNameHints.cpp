#include "core/privacy/ColumnNameHints.h"

#include <string>
#include <vector>

namespace loupe {

namespace {

bool isLower(char c)
{
    return c >= 'a' && c <= 'z';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::vector<std::string> words(std::string_view name)
{
    std::vector<std::string> result;
    std::string current;
    char previous = 0;
    for (char c : name) {
        const bool alnum = isLower(c) || isUpper(c) || isDigit(c);
        if (!alnum || (isUpper(c) && (isLower(previous) || isDigit(previous)))) {
            if (!current.empty())
                result.push_back(current);
            current.clear();
        }
        if (alnum)
            current.push_back(isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
        previous = c;
    }
    if (!current.empty())
        result.push_back(current);
    return result;
}

bool contains(const std::vector<std::string> &list, std::string_view word)
{
    for (const std::string &item : list)
        if (item == word)
            return true;
    return false;
}

} // namespace

ColumnNameHints ColumnNameHints::fromName(std::string_view name)
{
    const std::vector<std::string> list = words(name);
    ColumnNameHints hints;
    for (std::string_view word : {"birth", "birthday", "birthdate", "dob", "born", "bday", "bdate", "dateofbirth"})
        hints.birthDate = hints.birthDate || contains(list, word);
    hints.ssn = contains(list, "ssn") || (contains(list, "social") && contains(list, "security"));
    for (std::string_view word : {"phone", "telephone", "tel", "mobile", "cell", "cellphone", "fax", "msisdn", "phonenumber"})
        hints.phone = hints.phone || contains(list, word);
    if (!list.empty()) {
        const std::string &last = list.back();
        hints.identifier = last == "id" || last == "uuid" || last == "guid" || last == "key";
    }
    return hints;
}

} // namespace loupe
