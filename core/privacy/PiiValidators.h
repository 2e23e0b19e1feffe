#pragma once
// Validators for one whole value each (no surrounding text). PiiTextScanner finds candidate spans in free
// text and calls these; they are also the rules docs/privacy.md documents.
//
// All take bytes (ASCII rules; any non-ASCII byte makes a value invalid) and never allocate.

#include <optional>
#include <string_view>

namespace loupe {

enum class CardIssuer { Visa, Mastercard, Amex, Discover, Jcb, Diners, UnionPay, Maestro, Mir };

std::string_view cardIssuerName(CardIssuer issuer);

// US Social Security number by the SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000;
// also refused: all nine digits equal and the two numbers famous from advertising (078-05-1120, 219-09-9999).
bool isValidSsnParts(int area, int group, int serial);
// "123-45-6789", "123 45 6789" (one separator kind) or "123456789".
bool isValidSsn(std::string_view text);

// Luhn checksum over a string of digits only. requires: digits holds only '0'..'9'.
bool luhnValid(std::string_view digits);
// The issuer whose prefix range and length rules `digits` (digits only) fits, if any.
std::optional<CardIssuer> cardIssuer(std::string_view digits);
// Digits with optional single spaces or dashes between them: issuer prefix and length, then Luhn.
bool isValidCardNumber(std::string_view text);

// Length of an IBAN for the two-letter country code (the SWIFT registry), nullopt for an unknown country.
std::optional<int> ibanLength(std::string_view country);
// Upper-case IBAN, electronic ("DE89370400440532013000") or printed in groups of four separated by single
// spaces: known country, that country's length, two check digits, mod-97 of the rearranged number == 1.
bool isValidIban(std::string_view text);

// local@domain: local part 1..64 of [A-Za-z0-9._%+-], no leading/trailing/double dot; domain of at least
// two dot-separated labels (1..63 letters, digits or inner hyphens), the last one letters only (2+).
bool isValidEmail(std::string_view text);

// Dotted quad, each octet 0..255 without leading zeros ("01" is refused, as Python's ipaddress does).
bool isValidIpv4(std::string_view text);
// Eight groups of 1..4 hex digits separated by ':'; one "::" may stand for one or more zero groups; the
// last 32 bits may be written as a dotted quad. "::" alone (the unspecified address) is refused.
bool isValidIpv6(std::string_view text);

// North-American number in 10 digits: area code and exchange start with 2..9 and are not N11 codes.
// requires: tenDigits holds exactly 10 digits.
bool isValidNanpDigits(std::string_view tenDigits);

// A real calendar date with 1800 <= year <= 2199.
bool isCalendarDate(int year, int month, int day);

} // namespace loupe
