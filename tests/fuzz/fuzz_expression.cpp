// libFuzzer target for the expression language of suite locals (docs/check-expressions.md): Expression::parse
// on the input text, then evaluate() against a small fixed table with two locals. Properties: no crash
// (nesting is limited, so '((((' cannot overflow the stack; evaluating never throws); a parse error reads
// "expression '...': column N: ..."; evaluating the same expression twice gives the same outcome.

#include "FuzzSupport.h"

#include "core/checks/Expression.h"
#include "core/data/CsvReader.h"

namespace {

constexpr const char *kTarget = "fuzz_expression";

const loupe::Table &expressionTable()
{
    static const loupe::Table table = [] {
        loupe::CsvOptions options;
        options.threads = 1;
        const std::string_view csv = "n,x,s,d\n1,0.5,a,2024-01-02\n2,,b,2024-03-04 05:06:07\n-7,1e300,,\n";
        loupe::Result<loupe::CsvReadReport> read = loupe::CsvReader(options).readBuffer(csv, "fixed.csv");
        if (!read.isOk())
            loupe::fuzz::fail(kTarget, "the fixed table does not read", read.message());
        return read.value().table;
    }();
    return table;
}

std::string outcome(const loupe::Result<loupe::CheckValue> &value)
{
    if (!value.isOk())
        return "error: " + value.message();
    return value.value().kind() == loupe::CheckValueKind::String ? "string " + value.value().asString() : "value";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace loupe;
    const std::string_view text = fuzz::asText(data, size);
    const Result<Expression> expression = Expression::parse(text);
    if (!expression.isOk()) {
        if (!fuzz::startsWith(expression.message(), "expression '"))
            fuzz::fail(kTarget, "message does not quote the expression", expression.message());
        return 0;
    }
    ExpressionContext context;
    context.table = &expressionTable();
    context.now = 1'700'000'000'000'000'000;
    context.locals.emplace("limit", CheckValue::number(10.0));
    context.locals.emplace("label", CheckValue::string("a"));
    const std::string first = outcome(expression.value().evaluate(context));
    const std::string second = outcome(expression.value().evaluate(context));
    if (first != second)
        fuzz::fail(kTarget, "evaluation is not repeatable", first + " | " + second);
    return 0;
}
