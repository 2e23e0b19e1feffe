#pragma once
// What a column's name says about its content, for the privacy scan. Names are split into lower-case
// words at non-alphanumeric characters and at lower-to-upper case changes ("dateOfBirth" -> date, of, birth).
//
//   birth date: a word birth, birthday, birthdate, dob or born, or the whole name "bday"/"bdate"
//   ssn:        a word ssn or the words social + security
//   phone:      a word phone, telephone, tel, mobile, cell, cellphone, fax or msisdn
//   identifier: the last word id, uuid, guid or key (customer_id, userId, order-uuid)
//   person name: the last word name after a word that means a person or a part of a name (customer_name,
//               firstName, card-holder-name, last_name), or a word surname, forename, firstname,
//               lastname, fullname, givenname, familyname; a bare "name" (of a product? a shop?) is not one

#include <string_view>

namespace loupe {

struct ColumnNameHints {
    bool birthDate = false;
    bool ssn = false;
    bool phone = false;
    bool identifier = false;
    bool personName = false;

    static ColumnNameHints fromName(std::string_view name);
};

} // namespace loupe
