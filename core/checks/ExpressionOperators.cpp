#include "core/checks/ExpressionOperators.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace loupe {

namespace {

using ValueResult = Result<ExpressionValue>;

Status mismatch(std::string_view op, const ExpressionValue &left, const ExpressionValue &right, std::string_view hint)
{
    std::string message = "cannot apply '" + std::string(op) + "' to a " + std::string(valueKindName(left.kind()))
        + " and a " + std::string(valueKindName(right.kind()));
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
ValueResult addNanos(std::string_view op, std::int64_t a, std::int64_t b, bool subtract, ValueKind resultKind)
{
    std::int64_t result = 0;
    const bool overflow = subtract ? __builtin_sub_overflow(a, b, &result) : __builtin_add_overflow(a, b, &result);
    if (overflow)
        return ValueResult(outOfRange(op));
    return resultKind == ValueKind::Duration ? ExpressionValue::duration(result) : ExpressionValue::dateTime(result);
}

ValueResult scaleDuration(std::string_view op, std::int64_t nanos, double factor)
{
    const double scaled = static_cast<double>(nanos) * factor;
    if (!std::isfinite(scaled) || std::fabs(scaled) >= 9.2e18)
        return ValueResult(outOfRange(op));
    return ExpressionValue::duration(std::llround(scaled));
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
        return ExpressionValue::number(a + b);
    case '-':
        return ExpressionValue::number(a - b);
    case '*':
        return ExpressionValue::number(a * b);
    case '/':
        return ExpressionValue::number(a / b);
    default:
        return ExpressionValue::number(pythonModulo(a, b));
    }
}

ValueResult arithmetic(std::string_view op, const ExpressionValue &l, const ExpressionValue &r)
{
    const ValueKind lk = l.kind(), rk = r.kind();
    if (lk == ValueKind::Number && rk == ValueKind::Number)
        return numberArithmetic(op, l.asNumber(), r.asNumber());
    if (op == "+" && lk == ValueKind::String && rk == ValueKind::String)
        return ExpressionValue::string(l.asString() + r.asString());
    if (op == "-" && lk == ValueKind::DateTime && rk == ValueKind::DateTime)
        return addNanos(op, l.asDateTime(), r.asDateTime(), true, ValueKind::Duration);
    if ((op == "+" || op == "-") && lk == ValueKind::DateTime && rk == ValueKind::Duration)
        return addNanos(op, l.asDateTime(), r.asDuration(), op == "-", ValueKind::DateTime);
    if (op == "+" && lk == ValueKind::Duration && rk == ValueKind::DateTime)
        return addNanos(op, r.asDateTime(), l.asDuration(), false, ValueKind::DateTime);
    if ((op == "+" || op == "-") && lk == ValueKind::Duration && rk == ValueKind::Duration)
        return addNanos(op, l.asDuration(), r.asDuration(), op == "-", ValueKind::Duration);
    if (op == "*" && lk == ValueKind::Duration && rk == ValueKind::Number)
        return scaleDuration(op, l.asDuration(), r.asNumber());
    if (op == "*" && lk == ValueKind::Number && rk == ValueKind::Duration)
        return scaleDuration(op, r.asDuration(), l.asNumber());
    if (op == "/" && lk == ValueKind::Duration && rk == ValueKind::Number) {
        if (r.asNumber() == 0.0)
            return ValueResult(Status::invalidInput("division by zero in '/'"));
        return scaleDuration(op, l.asDuration(), 1.0 / r.asNumber());
    }
    if (op == "/" && lk == ValueKind::Duration && rk == ValueKind::Duration) {
        if (r.asDuration() == 0)
            return ValueResult(Status::invalidInput("division by a zero duration in '/'"));
        return ExpressionValue::number(static_cast<double>(l.asDuration()) / static_cast<double>(r.asDuration()));
    }
    std::string_view hint;
    if (lk == ValueKind::DateTime && rk == ValueKind::Number)
        hint = "add a duration such as days(n) to a datetime";
    else if (lk == ValueKind::Number && rk == ValueKind::DateTime)
        hint = "only a duration such as days(n) can be added to a datetime";
    else if (lk == ValueKind::Duration && rk == ValueKind::Number)
        hint = "write days(n) to make a duration";
    else if (lk == ValueKind::DateTime && rk == ValueKind::DateTime)
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

ValueResult comparison(std::string_view op, const ExpressionValue &l, const ExpressionValue &r)
{
    if (l.kind() != r.kind())
        return ValueResult(mismatch(op, l, r, "compare values of the same kind (a datetime with date('YYYY-MM-DD'), "
                                              "a duration with days(n))"));
    switch (l.kind()) {
    case ValueKind::Number:
        return ExpressionValue::boolean(compareWith(op, l.asNumber(), r.asNumber()));
    case ValueKind::String:
        return ExpressionValue::boolean(compareWith(op, l.asString(), r.asString()));
    case ValueKind::DateTime:
        return ExpressionValue::boolean(compareWith(op, l.asDateTime(), r.asDateTime()));
    case ValueKind::Duration:
        return ExpressionValue::boolean(compareWith(op, l.asDuration(), r.asDuration()));
    case ValueKind::Bool:
        if (op != "==" && op != "!=")
            return ValueResult(mismatch(op, l, r, "bools compare only with == and !="));
        return ExpressionValue::boolean(compareWith(op, l.asBool(), r.asBool()));
    }
    return ValueResult(mismatch(op, l, r, {}));
}

} // namespace

Result<ExpressionValue> ExpressionOperators::unary(std::string_view op, const ExpressionValue &operand)
{
    if (op == "not") {
        if (!operand.is(ValueKind::Bool))
            return ValueResult(Status::invalidInput("'not' needs a bool, got a "
                                                    + std::string(valueKindName(operand.kind()))));
        return ExpressionValue::boolean(!operand.asBool());
    }
    if (operand.is(ValueKind::Number))
        return ExpressionValue::number(-operand.asNumber());
    if (operand.is(ValueKind::Duration) && operand.asDuration() != std::numeric_limits<std::int64_t>::min())
        return ExpressionValue::duration(-operand.asDuration());
    return ValueResult(Status::invalidInput("unary '-' needs a number or a duration, got a "
                                            + std::string(valueKindName(operand.kind()))));
}

Result<ExpressionValue> ExpressionOperators::binary(std::string_view op, const ExpressionValue &left,
                                                    const ExpressionValue &right)
{
    if (op == "and" || op == "or") {
        if (!left.is(ValueKind::Bool) || !right.is(ValueKind::Bool))
            return ValueResult(mismatch(op, left, right, "'and' and 'or' combine bools"));
        return ExpressionValue::boolean(op == "and" ? (left.asBool() && right.asBool())
                                                    : (left.asBool() || right.asBool()));
    }
    if (op == "+" || op == "-" || op == "*" || op == "/" || op == "%")
        return arithmetic(op, left, right);
    return comparison(op, left, right);
}

} // namespace loupe
