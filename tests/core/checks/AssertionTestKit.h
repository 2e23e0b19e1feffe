#pragma once
// Shared by the tst_assertions_* tests: small typed columns, one assertion run on a table from a JSON spec,
// and the comparison of failing rows.

#include "core/checks/Assertion.h"
#include "core/checks/AssertionRegistry.h"
#include "core/data/DateTimeParser.h"
#include "core/data/Table.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loupe::testkit {

inline Column intColumn(const std::string &name, const std::vector<std::optional<std::int64_t>> &values,
                        ColumnType type = ColumnType::Int64)
{
    Column column(name, type);
    for (const auto &v : values) {
        if (v)
            column.appendInt(*v);
        else
            column.appendMissing();
    }
    return column;
}

inline Column doubleColumn(const std::string &name, const std::vector<std::optional<double>> &values)
{
    Column column(name, ColumnType::Float64);
    for (const auto &v : values) {
        if (v)
            column.appendDouble(*v);
        else
            column.appendMissing();
    }
    return column;
}

inline Column stringColumn(const std::string &name, const std::vector<std::optional<std::string>> &values)
{
    Column column(name, ColumnType::String);
    for (const auto &v : values) {
        if (v)
            column.appendString(*v);
        else
            column.appendMissing();
    }
    return column;
}

inline Column categoricalColumn(const std::string &name, const std::vector<std::optional<std::string>> &values)
{
    Column column(name, ColumnType::Categorical);
    for (const auto &v : values) {
        if (!v) {
            column.appendMissing();
            continue;
        }
        std::int32_t code = -1;
        for (std::size_t i = 0; i < column.categories().size(); ++i) {
            if (column.categories()[i] == *v)
                code = static_cast<std::int32_t>(i);
        }
        if (code < 0)
            code = column.addCategory(*v);
        column.appendCategoryCode(code);
    }
    return column;
}

inline std::int64_t at(const std::string &text)
{
    std::int64_t nanos = 0;
    if (!DateTimeParser::parse(text, nanos))
        qFatal("test date '%s' does not parse", text.c_str());
    return nanos;
}

inline Column dateColumn(const std::string &name, const std::vector<std::optional<std::string>> &values)
{
    Column column(name, ColumnType::DateTime);
    for (const auto &v : values) {
        if (v)
            column.appendInt(at(*v));
        else
            column.appendMissing();
    }
    return column;
}

// The built-in assertion of that name; an unknown name stops the test program.
inline const Assertion &builtinAssertion(const char *name)
{
    const Assertion *found = AssertionRegistry::builtin().find(name);
    if (!found)
        qFatal("no assertion %s", name);
    return *found;
}

struct Run {
    Status validation;
    AssertionOutcome outcome;
};

inline Run run(const Assertion &assertion, const Table &table, const std::string &specText,
               const CheckLocals &locals = {}, const CheckEnvironment &environment = {})
{
    const nlohmann::json spec = nlohmann::json::parse(specText);
    const AssertionParams params(spec, locals, environment);
    Run result;
    result.validation = assertion.validate(table, params);
    if (result.validation.isOk())
        result.outcome = assertion.evaluate(table, params, nullptr);
    return result;
}

inline QList<qulonglong> rowsOf(const AssertionOutcome &outcome)
{
    QList<qulonglong> rows;
    for (const std::uint64_t row : outcome.failingRows)
        rows.append(row);
    return rows;
}

using Rows = QList<qulonglong>;

// The common data-driven check: either validation fails with a message containing `error`, or the outcome
// passes/fails as expected with exactly `rows` failing.
inline void verify(const Run &result, const QString &error, bool passed, const Rows &rows)
{
    if (!error.isEmpty()) {
        QVERIFY2(!result.validation.isOk(), "validation accepted a bad spec");
        QVERIFY2(QString::fromStdString(result.validation.message()).contains(error),
                 result.validation.message().c_str());
        return;
    }
    QVERIFY2(result.validation.isOk(), result.validation.message().c_str());
    QVERIFY2(result.outcome.passed == passed, result.outcome.message.c_str());
    QCOMPARE(rowsOf(result.outcome), rows);
    QCOMPARE(result.outcome.message.empty(), passed);
}

} // namespace loupe::testkit
