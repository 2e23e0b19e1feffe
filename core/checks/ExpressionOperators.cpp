#include "core/checks/ExpressionOperators.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace loupe {

namespace {

using ValueResult = Result<CheckValue>;

Status mismatch(std::string_view op, const CheckValue &left, const CheckValue &right, std::string_view hint)
{
    std::string message = "cannot apply '" + std::string(op) + "' to a " + std::string(checkValueKindName(left.kind()))
        + " and a " + std::string(checkValueKindName(right.kind()));
    if (!hint.empty())
        message += "; " + std::string(hint);
    return Status::invalidInput(message);
}

Status outOfRange(std::string_view op)
{
    return Status::invalidInput("the result of '" + std::string(op)
                                + "' is outside the datetime/duration range (1677-09-22 to 2262-04-11, "
                                  "about +-106751 days)");
}

// a op b on int64 nanoseconds with overflow detection.
ValueResult addNanos(std::string_view op, std::int64_t a, std::int64_t b, bool subtract, CheckValueKind resultKind)
{
    std::int64_t result = 0;
    const bool overflow = subtract ? __builtin_sub_overflow(a, b, &result) : __builtin_add_overflow(a, b, &result);
    if (overflow)
        return ValueResult(outOfRange(op));
    return resultKind == CheckValueKind::Duration ? CheckValue::duration(result) : CheckValue::dateTime(result);
}

ValueResult scaleDuration(std::string_view op, std::int64_t nanos, double factor)
{
    const double scaled = static_cast<double>(nanos) * factor;
    if (!std::isfinite(scaled) || std::fabs(scaled) >= 9.2e18)
        return ValueResult(outOfRange(op));
    return CheckValue::duration(std::llround(scaled));
}

double pythonModulo(double a, double b)
{
    double r = std::fmod(a, b);
    if (r != 0.0 && ((r < 0.0) != (b < 0.0)))
        r += b;
    return r;
}

ValueResult numberArithmetic(std::string_view op, double a, double b)
{
    if ((op == "/" || op == "%") && b == 0.0)
        return ValueResult(Status::invalidInput("division by zero in '" + std::string(op) + "'"));
    switch (op.front()) {
    case '+':
        return CheckValue::number(a + b);
    case '-':
        return CheckValue::number(a - b);
    case '*':
        return CheckValue::number(a * b);
    case '/':
        return CheckValue::number(a / b);
    default:
        return CheckValue::number(pythonModulo(a, b));
    }
}

ValueResult arithmetic(std::string_view op, const CheckValue &l, const CheckValue &r)
{
    const CheckValueKind lk = l.kind(), rk = r.kind();
    if (lk == CheckValueKind::Number && rk == CheckValueKind::Number)
        return numberArithmetic(op, l.asNumber(), r.asNumber());
    if (op == "+" && lk == CheckValueKind::String && rk == CheckValueKind::String)
        return CheckValue::string(l.asString() + r.asString());
    if (op == "-" && lk == CheckValueKind::DateTime && rk == CheckValueKind::DateTime)
        return addNanos(op, l.asDateTime(), r.asDateTime(), true, CheckValueKind::Duration);
    if ((op == "+" || op == "-") && lk == CheckValueKind::DateTime && rk == CheckValueKind::Duration)
        return addNanos(op, l.asDateTime(), r.asDuration(), op == "-", CheckValueKind::DateTime);
    if (op == "+" && lk == CheckValueKind::Duration && rk == CheckValueKind::DateTime)
        return addNanos(op, r.asDateTime(), l.asDuration(), false, CheckValueKind::DateTime);
    if ((op == "+" || op == "-") && lk == CheckValueKind::Duration && rk == CheckValueKind::Duration)
        return addNanos(op, l.asDuration(), r.asDuration(), op == "-", CheckValueKind::Duration);
    if (op == "*" && lk == CheckValueKind::Duration && rk == CheckValueKind::Number)
        return scaleDuration(op, l.asDuration(), r.asNumber());
    if (op == "*" && lk == CheckValueKind::Number && rk == CheckValueKind::Duration)
        return scaleDuration(op, r.asDuration(), l.asNumber());
    if (op == "/" && lk == CheckValueKind::Duration && rk == CheckValueKind::Number) {
        if (r.asNumber() == 0.0)
            return ValueResult(Status::invalidInput("division by zero in '/'"));
        return scaleDuration(op, l.asDuration(), 1.0 / r.asNumber());
    }
    if (op == "/" && lk == CheckValueKind::Duration && rk == CheckValueKind::Duration) {
        if (r.asDuration() == 0)
            return ValueResult(Status::invalidInput("division by a zero duration in '/'"));
        return CheckValue::number(static_cast<double>(l.asDuration()) / static_cast<double>(r.asDuration()));
    }
    std::string_view hint;
    if (lk == CheckValueKind::DateTime && rk == CheckValueKind::Number)
        hint = "add a duration such as days(n) to a datetime";
    else if (lk == CheckValueKind::Number && rk == CheckValueKind::DateTime)
        hint = "only a duration such as days(n) can be added to a datetime";
    else if (lk == CheckValueKind::Duration && rk == CheckValueKind::Number)
        hint = "write days(n) to make a duration";
    else if (lk == CheckValueKind::DateTime && rk == CheckValueKind::DateTime)
        hint = "datetime - datetime gives a duration; datetimes cannot be added";
    return ValueResult(mismatch(op, l, r, hint));
}

template <typename T>
bool compareWith(std::string_view op, const T &a, const T &b)
{
    if (op == "<")
        return a < b;
    if (op == "<=")
        return a <= b;
    if (op == ">")
        return a > b;
    if (op == ">=")
        return a >= b;
    if (op == "==")
        return a == b;
    return a != b;
}

ValueResult comparison(std::string_view op, const CheckValue &l, const CheckValue &r)
{
    if (l.kind() != r.kind())
        return ValueResult(mismatch(op, l, r, "compare values of the same kind (a datetime with date('YYYY-MM-DD'), "
                                              "a duration with days(n))"));
    switch (l.kind()) {
    case CheckValueKind::Number:
        return CheckValue::boolean(compareWith(op, l.asNumber(), r.asNumber()));
    case CheckValueKind::String:
        return CheckValue::boolean(compareWith(op, l.asString(), r.asString()));
    case CheckValueKind::DateTime:
        return CheckValue::boolean(compareWith(op, l.asDateTime(), r.asDateTime()));
    case CheckValueKind::Duration:
        return CheckValue::boolean(compareWith(op, l.asDuration(), r.asDuration()));
    case CheckValueKind::Bool:
        if (op != "==" && op != "!=")
            return ValueResult(mismatch(op, l, r, "bools compare only with == and !="));
        return CheckValue::boolean(compareWith(op, l.asBool(), r.asBool()));
    }
    return ValueResult(mismatch(op, l, r, {}));
}

} // namespace

Result<CheckValue> ExpressionOperators::unary(std::string_view op, const CheckValue &operand)
{
    if (op == "not") {
        if (!operand.is(CheckValueKind::Bool))
            return ValueResult(Status::invalidInput("'not' needs a bool, got a "
                                                    + std::string(checkValueKindName(operand.kind()))));
        return CheckValue::boolean(!operand.asBool());
    }
    if (operand.is(CheckValueKind::Number))
        return CheckValue::number(-operand.asNumber());
    if (operand.is(CheckValueKind::Duration) && operand.asDuration() != std::numeric_limits<std::int64_t>::min())
        return CheckValue::duration(-operand.asDuration());
    return ValueResult(Status::invalidInput("unary '-' needs a number or a duration, got a "
                                            + std::string(checkValueKindName(operand.kind()))));
}

Result<CheckValue> ExpressionOperators::binary(std::string_view op, const CheckValue &left,
                                               const CheckValue &right)
{
    if (op == "and" || op == "or") {
        if (!left.is(CheckValueKind::Bool) || !right.is(CheckValueKind::Bool))
            return ValueResult(mismatch(op, left, right, "'and' and 'or' combine bools"));
        return CheckValue::boolean(op == "and" ? (left.asBool() && right.asBool())
                                               : (left.asBool() || right.asBool()));
    }
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%")
        return arithmetic(op, left, right);
    return comparison(op, left, right);
}

} // namespace loupe
