#pragma once
// Regular-expression checks on a string or categorical column (GX expect_column_values_to_match_regex /
// _not_match_regex). Patterns are RE2's syntax (core/checks/Pattern.h, docs/assertions.md); a pattern RE2
// rejects is reported at validation with RE2's message and its character position. Missing values are skipped.
//   "regex"      column, pattern, match ("full", the default: the whole value must match; or "search": some
//                part must match, as Python re.search). Fails with every value that does not match.
//   "not_regex"  column, pattern: fails with every value in which the pattern is found anywhere (search).
// A categorical column is matched once per category, not once per row.

#include "core/checks/Assertion.h"

namespace loupe {

class RegexAssertion : public Assertion {
public:
    enum class Expectation { Matches, DoesNotMatch };

    explicit RegexAssertion(Expectation expectation) : m_expectation(expectation) {}

    std::string_view name() const override { return m_expectation == Expectation::Matches ? "regex" : "not_regex"; }
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    Expectation m_expectation;
};

} // namespace loupe
