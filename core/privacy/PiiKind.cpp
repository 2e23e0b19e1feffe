#include "core/privacy/PiiKind.h"

namespace loupe {

const std::array<PiiKind, kPiiKindCount> &allPiiKinds()
{
    static constexpr std::array<PiiKind, kPiiKindCount> kinds{PiiKind::Ssn,   PiiKind::CreditCard, PiiKind::Iban,
                                                              PiiKind::Email, PiiKind::Phone,      PiiKind::Ipv4,
                                                              PiiKind::Ipv6,  PiiKind::BirthDate,  PiiKind::PersonName};
    return kinds;
}

std::string_view piiKindName(PiiKind kind)
{
    switch (kind) {
    case PiiKind::Ssn:
        return "ssn";
    case PiiKind::CreditCard:
        return "credit_card";
    case PiiKind::Iban:
        return "iban";
    case PiiKind::Email:
        return "email";
    case PiiKind::Phone:
        return "phone";
    case PiiKind::Ipv4:
        return "ipv4";
    case PiiKind::Ipv6:
        return "ipv6";
    case PiiKind::BirthDate:
        return "birth_date";
    case PiiKind::PersonName:
        return "person_name";
    }
    return "unknown";
}

std::optional<PiiKind> piiKindFromName(std::string_view name)
{
    for (PiiKind kind : allPiiKinds())
        if (piiKindName(kind) == name)
            return kind;
    return std::nullopt;
}

} // namespace loupe
