#pragma once
// What a column's name says about its content, for the privacy scan. Names are split into lower-case
// words at non-alphanumeric characters and at lower-to-upper case changes ("dateOfBirth" -> date, of, birth).
//
//   birth date: a word birth, birthday, birthdate, dob or born, or the whole name "bday"/"bdate"
//   ssn:        a word ssn or the words social + security
//   phone:      a word phone, telephone, tel, mobile, cell, cellphone, fax or msisdn
//   identifier: the last word id, uuid, guid or key (customer_id, userId, order-uuid)
//   person name (PersonNameDetector then checks the values):
//     a part:  a word surname, forename, firstname, lastname, givenname, familyname, middlename,
//              maidenname, fname or lname, or the word name after first, last, given, family, middle,
//              maiden (first_name, LastName)
//     a whole: the word name (or fullname, customername, clientname, personname, cardholder) where every
//              other word names a person or a role: full, customer, client, patient, employee, contact,
//              owner, user, payee, sender, recipient, ceo, ... (PersonRoleWords in the .cpp), and card,
//              account or policy only beside holder. So name, full_name, customer_name, ceo_name and
//              cardholder_name count; product_name, city_name, merchant_name, file_name, name_id do not.

#include <string_view>

namespace loupe {

enum class PersonNameHint { None, WholeName, NamePart };

struct ColumnNameHints {
    bool birthDate = false;
    bool ssn = false;
    bool phone = false;
    bool identifier = false;
    PersonNameHint personName = PersonNameHint::None;

    static ColumnNameHints fromName(std::string_view name);
};

} // namespace loupe
