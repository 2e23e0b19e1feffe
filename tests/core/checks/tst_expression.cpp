// The suite-locals expression language: values and their printed form, type rules, rejected input
// (every error names the column), aggregates on a small table, and the chapter's CEO locals.

#include "core/checks/Expression.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace loupe;

namespace {

// 2018-06-01 11:31:21 UTC, the instant of the chapter's marbles run.
std::int64_t chapterNow()
{
    return daysFromCivil(2018, 6, 1) * kNanosPerDay + (11 * 3600 + 31 * 60 + 21) * kNanosPerSecond;
}

Table sampleTable()
{
    Column x("x", ColumnType::Int64);
    for (std::int64_t v : {4, 1, 3, 2, 10})
        x.appendInt(v);
    x.appendMissing();
    Column y("y", ColumnType::Float64);
    for (double v : {0.5, 1.5, std::numeric_limits<double>::quiet_NaN(), 2.5, 0.5})
        y.appendDouble(v);
    y.appendMissing();
    Column name("name", ColumnType::String);
    for (const char *v : {"bob", "amy", "carl", "amy", "dora", "eve"})
        name.appendString(v);
    Column born("born", ColumnType::DateTime);
    born.appendInt(daysFromCivil(1990, 1, 1) * kNanosPerDay);
    born.appendInt(daysFromCivil(1980, 1, 1) * kNanosPerDay);
    born.appendMissing();
    born.appendInt(daysFromCivil(2000, 1, 3) * kNanosPerDay);
    born.appendInt(daysFromCivil(1970, 1, 1) * kNanosPerDay);
    born.appendInt(daysFromCivil(1990, 1, 1) * kNanosPerDay);
    Column spaced("unit price", ColumnType::Int64);
    for (std::int64_t v : {7, 7, 7, 7, 7, 9})
        spaced.appendInt(v);
    Column empty("empty", ColumnType::Float64);
    for (int i = 0; i < 6; ++i)
        empty.appendMissing();
    Table table;
    table.addColumn(std::move(x));
    table.addColumn(std::move(y));
    table.addColumn(std::move(name));
    table.addColumn(std::move(born));
    table.addColumn(std::move(spaced));
    table.addColumn(std::move(empty));
    return table;
}

ExpressionContext contextWith(const Table *table)
{
    ExpressionContext context;
    context.table = table;
    context.now = chapterNow();
    context.locals["limit"] = CheckValue::number(10);
    context.locals["start"] = CheckValue::dateTime(daysFromCivil(2020, 1, 1) * kNanosPerDay);
    context.locals["_hidden"] = CheckValue::string("secret");
    return context;
}

} // namespace

class TestExpression : public QObject {
    Q_OBJECT

private slots:
    void values_data();
    void values();
    void errors_data();
    void errors();
    void chapterLocals();
    void deepNestingIsRejected();
    void longChainsAreRejected();
    void namesAreReported();
    void durationFormat_data();
    void durationFormat();
};

void TestExpression::values_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("printed");

    QTest::newRow("integer") << "42" << "number" << "42";
    QTest::newRow("precedence") << "1 + 2 * 3 - 4 / 2" << "number" << "5";
    QTest::newRow("parentheses") << "(1 + 2) * 3" << "number" << "9";
    QTest::newRow("unary minus") << "-2 * -3" << "number" << "6";
    QTest::newRow("fraction") << ".25 + 1e-1" << "number" << "0.35";
    QTest::newRow("python modulo") << "-7 % 3" << "number" << "2";
    QTest::newRow("single quotes") << "'a b'" << "string" << "a b";
    QTest::newRow("double quotes escape") << "\"it\\'s \\\"x\\\"\"" << "string" << "it's \"x\"";
    QTest::newRow("concat") << "'ab' + \"cd\"" << "string" << "abcd";
    QTest::newRow("bool logic") << "not false and (1 < 2 or false)" << "bool" << "true";
    QTest::newRow("string compare") << "'abc' < 'abd'" << "bool" << "true";
    QTest::newRow("date literal") << "date('2020-02-29')" << "datetime" << "2020-02-29";
    QTest::newRow("datetime literal") << "datetime('2020-02-29 13:45:01')" << "datetime" << "2020-02-29 13:45:01";
    QTest::newRow("today") << "today()" << "datetime" << "2018-06-01";
    QTest::newRow("now") << "now()" << "datetime" << "2018-06-01 11:31:21";
    QTest::newRow("date minus date") << "date('2020-03-01') - date('2020-02-01')" << "duration" << "29 days, 0:00:00";
    QTest::newRow("date plus duration") << "date('2020-02-28') + days(2)" << "datetime" << "2020-03-01";
    QTest::newRow("duration plus date") << "hours(36) + date('2020-01-01')" << "datetime" << "2020-01-02 12:00:00";
    QTest::newRow("duration times number") << "minutes(90) * 2" << "duration" << "3:00:00";
    QTest::newRow("number times duration") << "0.5 * days(1)" << "duration" << "12:00:00";
    QTest::newRow("duration over number") << "weeks(1) / 7" << "duration" << "1 day, 0:00:00";
    QTest::newRow("duration over duration") << "days(3) / hours(12)" << "number" << "6";
    QTest::newRow("negative duration") << "-seconds(1)" << "duration" << "-1 day, 23:59:59";
    QTest::newRow("to_days") << "to_days(date('2021-01-01') - date('2020-01-01'))" << "number" << "366";
    QTest::newRow("abs duration") << "abs(days(-2))" << "duration" << "2 days, 0:00:00";
    QTest::newRow("compare dates") << "date('2020-01-01') < today()" << "bool" << "false";
    QTest::newRow("compare durations") << "days(1) == hours(24)" << "bool" << "true";
    QTest::newRow("locals") << "limit * 2" << "number" << "20";
    QTest::newRow("private local") << "_hidden + '!'" << "string" << "secret!";
    QTest::newRow("local datetime") << "start - days(1)" << "datetime" << "2019-12-31";
    QTest::newRow("count rows") << "count()" << "number" << "6";
    QTest::newRow("count non-null") << "count(x) + count(y)" << "number" << "9";
    QTest::newRow("min int") << "min(x)" << "number" << "1";
    QTest::newRow("max int") << "max(x)" << "number" << "10";
    QTest::newRow("sum") << "sum(x)" << "number" << "20";
    QTest::newRow("mean skips NaN") << "mean(y)" << "number" << "1.25";
    QTest::newRow("median even") << "median(x)" << "number" << "3";
    QTest::newRow("quantile interpolates") << "quantile(x, 0.25)" << "number" << "2";
    QTest::newRow("quantile max") << "quantile(x, 1)" << "number" << "10";
    QTest::newRow("std sample") << "std(y)" << "number" << "0.9574271077563381";
    QTest::newRow("distinct numbers") << "distinct(y)" << "number" << "3";
    QTest::newRow("distinct strings") << "distinct(name)" << "number" << "5";
    QTest::newRow("min string") << "min(name)" << "string" << "amy";
    QTest::newRow("min datetime") << "min(born)" << "datetime" << "1970-01-01";
    QTest::newRow("max datetime") << "max(born)" << "datetime" << "2000-01-03";
    QTest::newRow("median datetime") << "median(born)" << "datetime" << "1990-01-01";
    QTest::newRow("quoted column") << "max(col(\"unit price\")) - min(col('unit price'))" << "number" << "2";
    QTest::newRow("aggregate in arithmetic") << "max(born) - min(born) > days(365 * 30)" << "bool" << "true";
    QTest::newRow("sum of empty") << "sum(empty)" << "number" << "0";
}

void TestExpression::values()
{
    QFETCH(QString, text);
    QFETCH(QString, kind);
    QFETCH(QString, printed);
    const Table table = sampleTable();
    const auto result = evaluateExpression(text.toStdString(), contextWith(&table));
    QVERIFY2(result.isOk(), result.message().c_str());
    QCOMPARE(QString::fromStdString(std::string(checkValueKindName(result.value().kind()))), kind);
    QCOMPARE(QString::fromStdString(result.value().display()), printed);
}

void TestExpression::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // the whole message, or its start when it ends with "..."

    QTest::newRow("number glued to name")
        << "today() - 5x"
        << "expression 'today() - 5x': column 12: unexpected 'x' right after the number 5; expected an operator, "
           "',' or ')'";
    QTest::newRow("empty") << "" << "expression '': column 1: the expression is empty...";
    QTest::newRow("dangling operator")
        << "1 +" << "expression '1 +': column 4: unexpected the end of the expression; expected a number, a string, "
                    "a name, a function call or '('";
    QTest::newRow("unclosed paren")
        << "(1 + 2" << "expression '(1 + 2': column 7: unexpected the end of the expression; expected ')' to close "
                       "the '(' at column 1";
    QTest::newRow("stray close") << "1 + 2)" << "expression '1 + 2)': column 6: unexpected ')'; expected an operator...";
    QTest::newRow("unclosed string") << "'abc" << "expression ''abc': column 1: string is not closed...";
    QTest::newRow("single equals") << "limit = 3" << "expression 'limit = 3': column 7: unexpected '='; use '=='...";
    QTest::newRow("c operators") << "true && false" << "expression 'true && false': column 6: unexpected '&'...";
    QTest::newRow("unknown char") << "1 $ 2" << "expression '1 $ 2': column 3: unexpected '$'...";
    QTest::newRow("unicode column") << "'é' + $" << "expression ''é' + $': column 7: unexpected '$'...";
    QTest::newRow("unknown function")
        << "lower('x')" << "expression 'lower('x')': column 1: unknown function 'lower'; known functions: abs, "
                           "count, date, datetime, days, distinct, hours, max, mean, median, min, minutes, now, "
                           "quantile, seconds, std, sum, to_days, to_seconds, today, weeks";
    QTest::newRow("arity") << "days(1, 2)" << "expression 'days(1, 2)': column 10: days() takes 1 argument(s), got 2...";
    QTest::newRow("aggregate needs column") << "max(1)" << "expression 'max(1)': column 5: unexpected '1'; expected a column name for max()...";
    QTest::newRow("col outside aggregate") << "col('x')" << "expression 'col('x')': column 1: col(\"name\") names a column only...";
    QTest::newRow("chained comparison") << "1 < 2 < 3" << "expression '1 < 2 < 3': column 7: comparisons do not chain...";
    QTest::newRow("date plus number")
        << "today() + 5" << "expression 'today() + 5': column 9: cannot apply '+' to a datetime and a number; add a "
                            "duration such as days(n) to a datetime";
    QTest::newRow("date plus date") << "today() + today()" << "expression 'today() + today()': column 9: cannot apply '+' to a datetime and a datetime...";
    QTest::newRow("duration minus number") << "days(1) - 1" << "expression 'days(1) - 1': column 9: cannot apply '-' to a duration and a number; write days(n)...";
    QTest::newRow("compare kinds") << "days(1) < 2" << "expression 'days(1) < 2': column 9: cannot apply '<' to a duration and a number...";
    QTest::newRow("not number") << "not 1" << "expression 'not 1': column 1: 'not' needs a bool, got a number";
    QTest::newRow("and strings") << "'a' and true" << "expression ''a' and true': column 5: cannot apply 'and' to a string and a bool...";
    QTest::newRow("negate string") << "-'a'" << "expression '-'a'': column 1: unary '-' needs a number or a duration, got a string";
    QTest::newRow("division by zero") << "limit / (2 - 2)" << "expression 'limit / (2 - 2)': column 7: division by zero in '/'";
    QTest::newRow("bad date") << "date('2023-02-30')" << "expression 'date('2023-02-30')': column 1: date('2023-02-30'): not a date...";
    QTest::newRow("date with time") << "date('2023-02-03 10:00')" << "expression 'date('2023-02-03 10:00')': column 1: date('2023-02-03 10:00') has a time of day...";
    QTest::newRow("duration overflow") << "days(365 * 300)" << "expression 'days(365 * 300)': column 1: days(109500) is outside the duration range...";
    QTest::newRow("datetime overflow") << "date('2262-01-01') + days(365)" << "expression 'date('2262-01-01') + days(365)': column 20: the result of '+' is outside...";
    QTest::newRow("column as value") << "x + 1" << "expression 'x + 1': column 1: 'x' is a column, not a value; read it with an aggregate such as max(x) or count(x)";
    QTest::newRow("unknown column")
        << "max(nope)" << "expression 'max(nope)': column 5: unknown column 'nope'; the columns are: x, y, name, "
                          "born, unit price, empty";
    QTest::newRow("mean of strings") << "mean(name)" << "expression 'mean(name)': column 1: mean(name) needs a numeric or datetime column; 'name' is string";
    QTest::newRow("min of empty") << "min(empty)" << "expression 'min(empty)': column 1: min(empty): column 'empty' has no non-null values";
    QTest::newRow("quantile range") << "quantile(x, 2)" << "expression 'quantile(x, 2)': column 1: quantile(x, q): q must be a number from 0 to 1, got 2";
    QTest::newRow("keyword as value") << "and" << "expression 'and': column 1: unexpected 'and'; expected a number...";
}

void TestExpression::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Table table = sampleTable();
    const auto result = evaluateExpression(text.toStdString(), contextWith(&table));
    QVERIFY2(!result.isOk(), "the expression was accepted");
    QCOMPARE(result.status().code(), StatusCode::InvalidInput);
    const QString message = QString::fromStdString(result.message());
    if (expected.endsWith("..."))
        QVERIFY2(message.startsWith(expected.chopped(3)), qPrintable(message));
    else
        QCOMPARE(message, expected);
}

void TestExpression::chapterLocals()
{
    // max_td = days(365*130); earliest_birth = today() - max_td (the chapter's CEO test, today fixed).
    ExpressionContext context;
    context.now = chapterNow();
    auto maxTd = evaluateExpression("days(365*130)", context);
    QVERIFY2(maxTd.isOk(), maxTd.message().c_str());
    QCOMPARE(maxTd.value().display(), std::string("47450 days, 0:00:00"));
    context.locals["max_td"] = maxTd.value();
    auto earliest = evaluateExpression("today() - max_td", context);
    QVERIFY2(earliest.isOk(), earliest.message().c_str());
    QCOMPARE(earliest.value().display(), std::string("1888-07-02"));
    auto instant = evaluateExpression("now() - max_td", context);
    QVERIFY(instant.isOk());
    QCOMPARE(instant.value().display(), std::string("1888-07-02 11:31:21"));
}

void TestExpression::deepNestingIsRejected()
{
    const std::string open(100000, '(');
    std::string nots;
    for (int i = 0; i < 2000; ++i)
        nots += "not ";
    for (const std::string &text : {open.substr(0, 9000), std::string(9000, '-') + "1", nots + "true"}) {
        const auto result = Expression::parse(text);
        QVERIFY(!result.isOk());
        QVERIFY2(result.message().find("nests deeper than 100 levels") != std::string::npos, result.message().c_str());
    }
    const auto deep = Expression::parse(std::string(500, '(') + "1" + std::string(500, ')'));
    QVERIFY(!deep.isOk());
    QVERIFY2(deep.message().find("nests deeper than 100 levels") != std::string::npos, deep.message().c_str());
    const auto tooLong = Expression::parse(std::string(20000, '('));
    QVERIFY(tooLong.message().find("longer than") != std::string::npos);
    const auto fine = Expression::parse(std::string(50, '(') + "1" + std::string(50, ')'));
    QVERIFY2(fine.isOk(), fine.message().c_str());
}

void TestExpression::longChainsAreRejected()
{
    std::string chain = "1";
    for (int i = 0; i < 200; ++i)
        chain += " + 1";
    const auto result = Expression::parse(chain);
    QVERIFY(!result.isOk());
    QVERIFY(result.message().find("nests deeper") != std::string::npos);
    std::string shorter = "1";
    for (int i = 0; i < 50; ++i)
        shorter += " + 1";
    const auto ok = evaluateExpression(shorter, ExpressionContext{});
    QVERIFY(ok.isOk());
    QCOMPARE(ok.value().asNumber(), 51.0);
}

void TestExpression::namesAreReported()
{
    auto expression = Expression::parse("max(born) - days(limit) + min(col('unit price')) * 0 + days(limit)");
    QVERIFY2(expression.isOk(), expression.message().c_str());
    QCOMPARE(expression.value().localNames(), std::vector<std::string>{"limit"});
    QCOMPARE(expression.value().columnNames(), (std::vector<std::string>{"born", "unit price"}));

    ExpressionContext context; // no locals, no table
    auto unknown = evaluateExpression("limit", context);
    QCOMPARE(unknown.message(), std::string("expression 'limit': column 1: unknown name 'limit'; no locals are "
                                            "defined before this one (a local can use only the locals listed above it)"));
    context.locals["b"] = CheckValue::number(1);
    context.locals["a"] = CheckValue::number(2);
    unknown = evaluateExpression("2 * c", context);
    QCOMPARE(unknown.message(), std::string("expression '2 * c': column 5: unknown name 'c'; locals defined so far: a, b"));
    auto noData = evaluateExpression("count()", context);
    QCOMPARE(noData.message(), std::string("expression 'count()': column 1: count() reads the data, and no data is "
                                           "loaded here"));
}

void TestExpression::durationFormat_data()
{
    QTest::addColumn<qint64>("nanos");
    QTest::addColumn<QString>("printed");
    QTest::newRow("zero") << qint64(0) << "0:00:00";
    QTest::newRow("one day") << qint64(kNanosPerDay) << "1 day, 0:00:00";
    QTest::newRow("minus one day") << qint64(-kNanosPerDay) << "-1 day, 0:00:00";
    QTest::newRow("micros") << qint64(kNanosPerSecond + 500'000) << "0:00:01.000500";
    QTest::newRow("nanos") << qint64(7) << "0:00:00.000000007";
    QTest::newRow("hours") << qint64(2 * kNanosPerDay + 3723 * kNanosPerSecond) << "2 days, 1:02:03";
}

void TestExpression::durationFormat()
{
    QFETCH(qint64, nanos);
    QFETCH(QString, printed);
    QCOMPARE(QString::fromStdString(CheckValue::duration(nanos).display()), printed);
}

QTEST_APPLESS_MAIN(TestExpression)
#include "tst_expression.moc"
