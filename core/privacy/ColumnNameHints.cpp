#include "core/privacy/ColumnNameHints.h"

#include "core/privacy/CharClass.h"

#include <string>
#include <vector>

namespace loupe {

namespace {

std::vector<std::string> words(std::string_view name)
{
    std::vector<std::string> result;
    std::string current;
    char previous = 0;
    for (char c : name) {
        const bool alnum = charclass::isLower(c) || charclass::isUpper(c) || charclass::isDigit(c);
        if (!alnum || (charclass::isUpper(c) && (charclass::isLower(previous) || charclass::isDigit(previous)))) {
            if (!current.empty())
                result.push_back(current);
            current.clear();
        }
        if (alnum)
            current.push_back(charclass::isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
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
    for (std::string_view word : {"surname", "forename", "firstname", "lastname", "fullname", "givenname", "familyname"})
        hints.personName = hints.personName || contains(list, word);
    if (list.size() >= 2 && list.back() == "name") {
        for (std::string_view word : {"customer", "client", "user", "person", "patient", "employee", "holder",
                                      "cardholder", "owner", "contact", "first", "last", "full", "given", "family",
                                      "middle", "maiden", "sender", "recipient", "beneficiary", "payer", "payee"})
            hints.personName = hints.personName || list[list.size() - 2] == word;
    }
    return hints;
}

} // namespace loupe
