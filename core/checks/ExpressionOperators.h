#pragma once
// The operators of the expression language and their type rules (see Expression.h; internal to core/checks).

#include "core/checks/ExpressionValue.h"
#include "core/util/Status.h"

#include <string_view>

namespace loupe {

class ExpressionOperators {
public:
    // op is "-" or "not". Errors are plain messages (the caller adds the text and column).
    static Result<ExpressionValue> unary(std::string_view op, const ExpressionValue &operand);
    // op is one of + - * / % < <= > >= == != and or.
    static Result<ExpressionValue> binary(std::string_view op, const ExpressionValue &left, const ExpressionValue &right);
};

} // namespace loupe
