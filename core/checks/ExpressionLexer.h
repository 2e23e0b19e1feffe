#pragma once
// Splits expression text into tokens (internal to core/checks).

#include "core/util/Status.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

// "column C: what": an error in an expression, at column C of its text.
Status expressionErrorAt(std::size_t column, const std::string &what);

enum class TokenKind { Number, String, Name, Symbol, End };

struct ExpressionToken {
    TokenKind kind = TokenKind::End;
    std::string text;     // Symbol: the operator; Name: the identifier; String: the unescaped text
    double number = 0.0;  // Number
    std::size_t column = 1; // 1-based character position
};

class ExpressionLexer {
public:
    // ensures: on success the last token is End. Errors are "column N: ..." (the caller adds the text).
    static Result<std::vector<ExpressionToken>> tokenize(std::string_view text);
};

} // namespace loupe
