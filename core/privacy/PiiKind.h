#pragma once
// The kinds of personal data the privacy scan recognizes, with their stable names (used in JSON, the
// CLI and the workspace): ssn, credit_card, iban, email, phone, ipv4, ipv6, birth_date, person_name.
// person_name is found per column (PersonNameDetector), not inside free text.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace loupe {

enum class PiiKind {
    Ssn,
    CreditCard,
    Iban,
    Email,
    Phone,
    Ipv4,
    Ipv6,
    BirthDate,
    PersonName,
};

inline constexpr std::size_t kPiiKindCount = 9;

// Every kind, in the order above.
const std::array<PiiKind, kPiiKindCount> &allPiiKinds();

// "ssn", "credit_card", ...
std::string_view piiKindName(PiiKind kind);

// ensures: nullopt for an unknown name.
std::optional<PiiKind> piiKindFromName(std::string_view name);

} // namespace loupe
