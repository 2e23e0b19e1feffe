#pragma once
// Columns of person names ("Eve Smith"): the column's name says so (ColumnNameHints::personName:
// customer_name, first_name, surname, ...) AND most sampled cells have the shape of a name: one to
// four words separated by single spaces, each a capital letter followed by at least one lower-case
// letter, apostrophe or hyphen, a capital only right after those ("Ines Haddad", "O'Neil", "Anne-Marie"; bytes of a UTF-8 sequence
// count as letters, so "Müller" passes). Both must hold: the name alone ("product_name" is not
// a person word anyway) or the shape alone (shop and city names have it too) is not enough.
// Precision: a column named like a person's name whose values look like names is taken as names;
// names written in lower case, with initials ("J. Smith") or titles ("Dr Smith") in more than
// 1 - minShare of the cells are missed. There is no dictionary of first names.

#include "core/data/Column.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace loupe {

struct PersonNameVerdict {
    bool personNames = false;
    std::size_t sampled = 0;  // cells looked at (none when the column's name is not a person's)
    double nameShare = 0.0;   // share of them shaped like a name
    std::string reason;       // "named like a person's name, 98% of 2000 sampled cells look like names"; empty if not
};

class PersonNameDetector {
public:
    // String and Categorical columns only (others are never names). Looks at up to sampledCells
    // evenly spaced present cells.
    static PersonNameVerdict judge(const Column &column, std::size_t sampledCells = 2000, double minShare = 0.8);
    static bool looksLikeName(std::string_view text);
};

} // namespace loupe
