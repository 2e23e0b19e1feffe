#include "core/checks/ExpressionFunctions.h"

#include "core/data/DateTime.h"
#include "core/data/DateTimeParser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace loupe {

namespace {

constexpr std::array<ExpressionFunction, 21> kFunctions = {{
    {"abs", 1, 1, ArgumentKind::Values, "abs(number or duration)"},
    {"count", 0, 1, ArgumentKind::ColumnFirst, "count() for all rows, count(column) for non-null values"},
    {"date", 1, 1, ArgumentKind::Values, "date('YYYY-MM-DD')"},
    {"datetime", 1, 1, ArgumentKind::Values, "datetime('YYYY-MM-DD HH:MM:SS')"},
    {"days", 1, 1, ArgumentKind::Values, "days(number)"},
    {"distinct", 1, 1, ArgumentKind::ColumnFirst, "distinct(column)"},
    {"hours", 1, 1, ArgumentKind::Values, "hours(number)"},
    {"max", 1, 1, ArgumentKind::ColumnFirst, "max(column)"},
    {"mean", 1, 1, ArgumentKind::ColumnFirst, "mean(column)"},
    {"median", 1, 1, ArgumentKind::ColumnFirst, "median(column)"},
    {"min", 1, 1, ArgumentKind::ColumnFirst, "min(column)"},
    {"minutes", 1, 1, ArgumentKind::Values, "minutes(number)"},
    {"now", 0, 0, ArgumentKind::Values, "now()"},
    {"quantile", 2, 2, ArgumentKind::ColumnFirst, "quantile(column, q) with 0 <= q <= 1"},
    {"seconds", 1, 1, ArgumentKind::Values, "seconds(number)"},
    {"std", 1, 1, ArgumentKind::ColumnFirst, "std(column)"},
    {"sum", 1, 1, ArgumentKind::ColumnFirst, "sum(column)"},
    {"to_days", 1, 1, ArgumentKind::Values, "to_days(duration)"},
    {"to_seconds", 1, 1, ArgumentKind::Values, "to_seconds(duration)"},
    {"today", 0, 0, ArgumentKind::Values, "today()"},
    {"weeks", 1, 1, ArgumentKind::Values, "weeks(number)"},
}};

std::string kindOf(const CheckValue &value)
{
    return std::string(checkValueKindName(value.kind()));
}

// n units of unitNanos as a duration; an error when it does not fit int64 nanoseconds (about 292 years).
Result<CheckValue> makeDuration(std::string_view function, double n, double unitNanos)
{
    const double nanos = n * unitNanos;
    if (!std::isfinite(nanos) || std::fabs(nanos) >= 9.2e18)
        return Result<CheckValue>(Status::invalidInput(std::string(function) + "(" + CheckValue::number(n).display()
                                       + ") is outside the duration range (about +-106751 days)"));
    return CheckValue::duration(std::llround(nanos));
}

Result<CheckValue> parseDate(std::string_view function, const std::string &text)
{
    std::int64_t nanos = 0;
    if (!DateTimeParser::parse(text, nanos))
        return Result<CheckValue>(Status::invalidInput(std::string(function) + "('" + text
                                       + "'): not a date; expected YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS] "
                                         "between 1677-09-22 and 2262-04-11"));
    if (function == "date" && nanos % kNanosPerDay != 0)
        return Result<CheckValue>(Status::invalidInput("date('" + text + "') has a time of day; use datetime() for that"));
    return CheckValue::dateTime(nanos);
}

double unitOf(std::string_view name)
{
    if (name == "weeks")
        return 7.0 * static_cast<double>(kNanosPerDay);
    if (name == "days")
        return static_cast<double>(kNanosPerDay);
    if (name == "hours")
        return 3600.0 * static_cast<double>(kNanosPerSecond);
    if (name == "minutes")
        return 60.0 * static_cast<double>(kNanosPerSecond);
    return static_cast<double>(kNanosPerSecond);
}

} // namespace

const ExpressionFunction *ExpressionFunctions::find(std::string_view name)
{
    for (const ExpressionFunction &function : kFunctions)
        if (function.name == name)
            return &function;
    return nullptr;
}

std::string ExpressionFunctions::knownNames()
{
    std::string names;
    for (const ExpressionFunction &function : kFunctions) {
        if (!names.empty())
            names += ", ";
        names += function.name;
    }
    return names;
}

Result<CheckValue> ExpressionFunctions::callScalar(const ExpressionFunction &function,
                                                   const std::vector<CheckValue> &args,
                                                   const ExpressionContext &context)
{
    const std::string_view name = function.name;
    if (name == "now")
        return CheckValue::dateTime(context.now);
    if (name == "today") {
        std::int64_t days = context.now / kNanosPerDay;
        if (context.now % kNanosPerDay < 0)
            --days;
        return CheckValue::dateTime(days * kNanosPerDay);
    }
    const CheckValue &arg = args.front();
    if (name == "date" || name == "datetime") {
        if (!arg.is(CheckValueKind::String))
            return Result<CheckValue>(Status::invalidInput(std::string(name) + "() takes a string such as '2020-01-31', got a "
                                           + kindOf(arg)));
        return parseDate(name, arg.asString());
    }
    if (name == "abs") {
        if (arg.is(CheckValueKind::Number))
            return CheckValue::number(std::fabs(arg.asNumber()));
        if (arg.is(CheckValueKind::Duration) && arg.asDuration() != INT64_MIN)
            return CheckValue::duration(arg.asDuration() < 0 ? -arg.asDuration() : arg.asDuration());
        return Result<CheckValue>(Status::invalidInput("abs() takes a number or a duration, got a " + kindOf(arg)));
    }
    if (name == "to_days" || name == "to_seconds") {
        if (!arg.is(CheckValueKind::Duration))
            return Result<CheckValue>(Status::invalidInput(std::string(name) + "() takes a duration such as days(3), got a "
                                           + kindOf(arg)));
        const double unit = name == "to_days" ? static_cast<double>(kNanosPerDay) : static_cast<double>(kNanosPerSecond);
        return CheckValue::number(static_cast<double>(arg.asDuration()) / unit);
    }
    if (!arg.is(CheckValueKind::Number))
        return Result<CheckValue>(Status::invalidInput(std::string(name) + "() takes a number, got a " + kindOf(arg)));
    return makeDuration(name, arg.asNumber(), unitOf(name));
}

} // namespace loupe
