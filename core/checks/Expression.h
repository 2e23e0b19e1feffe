#pragma once
// The small, safe expression language of suite locals. Parsed once by a hand-written recursive-descent
// parser (nesting depth limited, so '((((...' cannot overflow the stack); evaluating never runs user code.
//
// Grammar (lowest precedence first):
//   expr       := or
//   or         := and ('or' and)*
//   and        := not ('and' not)*
//   not        := 'not' not | comparison
//   comparison := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?
//   additive   := term (('+' | '-') term)*
//   term       := unary (('*' | '/' | '%') unary)*
//   unary      := '-' unary | primary
//   primary    := NUMBER | STRING | 'true' | 'false' | NAME | NAME '(' args ')' | '(' expr ')'
// NUMBER: 12, 1.5, .5, 1e3. STRING: '...' or "..." with \\, \', \" escapes. NAME: [A-Za-z_][A-Za-z0-9_]*.
// A bare NAME is a local computed earlier; a column is named inside an aggregate, bare or as col("any name").
//
// Functions:
//   today() now()                                     datetime (see ExpressionContext::now)
//   date('YYYY-MM-DD') datetime('YYYY-MM-DD HH:MM:SS') datetime literal (any form DateTimeParser reads)
//   weeks(n) days(n) hours(n) minutes(n) seconds(n)   duration
//   to_days(d) to_seconds(d)                          number (a duration in days / seconds)
//   abs(x)                                            number or duration
//   count()                                           rows in the table
//   count(c) distinct(c)                              non-null / distinct non-null values of column c
//   min(c) max(c)                                     numeric or datetime columns (datetime gives datetime)
//   mean(c) sum(c) std(c) median(c) quantile(c, q)    numeric columns (std: sample, n-1); datetime columns
//                                                     also take mean/median/quantile
// Types: number op number; string + string; datetime - datetime = duration; datetime +- duration = datetime;
//   duration +- duration; duration * number, number * duration, duration / number = duration;
//   duration / duration = number; comparisons between two values of the same kind (strings by bytes);
//   and/or/not on bools only. Anything else is an error saying which kinds met.
// Errors read "expression 'TEXT': column N: WHAT", N the 1-based character position of the offending token.

#include "core/checks/CheckValue.h"
#include "core/checks/ExpressionContext.h"
#include "core/util/Status.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct ExpressionNode;

class Expression {
public:
    // ensures: on success the expression is syntactically valid and every function name is known with the
    // right number of arguments; names and types are checked by evaluate().
    static Result<Expression> parse(std::string_view text);

    // ensures: never throws; unknown locals/columns, type mismatches, empty columns and overflow are errors.
    Result<CheckValue> evaluate(const ExpressionContext &context) const;

    const std::string &text() const { return m_text; }
    // Bare names used as values (locals this expression needs), in order of first use.
    std::vector<std::string> localNames() const;
    // Columns read by aggregates, in order of first use.
    std::vector<std::string> columnNames() const;

private:
    std::string m_text;
    std::shared_ptr<const ExpressionNode> m_root;
};

// parse + evaluate in one step.
Result<CheckValue> evaluateExpression(std::string_view text, const ExpressionContext &context);

} // namespace loupe
