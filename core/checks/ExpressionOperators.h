#pragma once
// The operators of the expression language and their type rules (see Expression.h; internal to core/checks).

#include "core/checks/CheckValue.h"
#include "core/util/Status.h"

#include <string_view>

namespace loupe {

class ExpressionOperators {
public:
    // op is "-" or "not". Errors are plain messages (the caller adds the text and column).
    static Result<CheckValue> unary(std::string_view op, const CheckValue &operand);
    // op is one of + - * / % < <= > >= == != and or.
    static Result<CheckValue> binary(std::string_view op, const CheckValue &left, const CheckValue &right);
};

} // namespace loupe
