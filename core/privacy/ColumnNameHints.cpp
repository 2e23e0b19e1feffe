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

// Words that, beside "name", say the column names a person.
constexpr std::string_view kPersonRoleWords[] = {
    "full",      "customer",  "cust",       "client",    "person",    "people",    "patient",     "employee",
    "emp",       "staff",     "holder",     "cardholder", "contact",  "member",    "owner",       "user",
    "beneficiary", "payee",   "payer",      "sender",    "recipient", "receiver",  "applicant",   "student",
    "driver",    "passenger", "guest",      "buyer",     "borrower",  "insured",   "policyholder", "spouse",
    "father",    "mother",    "parent",     "guardian",  "emergency", "legal",     "primary",     "secondary",
    "ceo",       "founder",   "author",     "manager",   "director",  "doctor",    "physician",   "agent",
    "representative", "rep",  "signatory",  "witness",   "teacher",   "nurse",     "officer",     "subscriber",
    "tenant",    "landlord",  "visitor",    "candidate", "donor",     "voter",     "of",          "the",
};
constexpr std::string_view kNamePartWords[] = {"surname",    "forename",   "firstname", "lastname", "givenname",
                                               "familyname", "middlename", "maidenname", "fname",   "lname"};
constexpr std::string_view kNamePartQualifiers[] = {"first", "last", "given", "family", "middle", "maiden"};
constexpr std::string_view kWholeNameWords[] = {"name", "fullname", "customername", "clientname", "personname",
                                                "cardholder"};
// Allowed beside "name" only together with "holder" (card_holder_name; a card_name is a product).
constexpr std::string_view kHolderOnlyWords[] = {"card", "account", "policy"};

template <std::size_t N>
bool oneOf(std::string_view word, const std::string_view (&list)[N])
{
    for (std::string_view item : list)
        if (item == word)
            return true;
    return false;
}

PersonNameHint personNameHint(const std::vector<std::string> &list)
{
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (oneOf(list[i], kNamePartWords))
            return PersonNameHint::NamePart;
        if (list[i] == "name" && i > 0 && oneOf(list[i - 1], kNamePartQualifiers))
            return PersonNameHint::NamePart;
    }
    bool whole = false;
    for (const std::string &word : list)
        whole = whole || oneOf(word, kWholeNameWords);
    if (!whole)
        return PersonNameHint::None;
    const bool holder = contains(list, "holder");
    for (const std::string &word : list) {
        const bool allowed = oneOf(word, kWholeNameWords) || oneOf(word, kPersonRoleWords)
                             || (holder && oneOf(word, kHolderOnlyWords));
        if (!allowed)
            return PersonNameHint::None;
    }
    return PersonNameHint::WholeName;
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
    hints.personName = personNameHint(list);
    return hints;
}

} // namespace loupe
