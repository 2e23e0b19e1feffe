#pragma once
// "no_pii": no value of a string or categorical `column` contains personal data, as the privacy scanner
// recognizes it (core/privacy/PiiTextScanner.h: SSNs, card numbers, IBANs, e-mails, phone numbers, IP
// addresses, birth dates; the column's name widens what counts, e.g. nine bare digits in a column named ssn).
// Parameters: column; kinds (optional array of kind names: ssn, credit_card, iban, email, phone, ipv4, ipv6,
// birth_date; default all). Fails with every row holding a finding; the values shown are MASKED
// (PiiMasker), never the personal data itself. A categorical column is scanned once per category.

#include "core/checks/Assertion.h"

namespace loupe {

class NoPiiAssertion : public Assertion {
public:
    std::string_view name() const override { return "no_pii"; }
    std::string_view summary() const override { return "no value contains personal data"; }
    std::vector<std::string_view> parameters() const override { return {"column", "kinds"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
