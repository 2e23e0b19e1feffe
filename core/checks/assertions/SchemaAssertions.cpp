#include "core/checks/assertions/SchemaAssertions.h"

#include "core/checks/AssertionRegistry.h"
#include "core/data/Table.h"

#include <algorithm>

namespace loupe {

namespace {

std::vector<std::string> columnNames(const Table &table)
{
    std::vector<std::string> names;
    for (const Column &column : table.columns())
        names.push_back(column.name());
    return names;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : ", ") + item;
    return text.empty() ? "(none)" : text;
}

} // namespace

Status ColumnExistsAssertion::validate(const Table &, const AssertionParams &params) const
{
    return params.string("column").status();
}

AssertionOutcome ColumnExistsAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                 const CancellationToken *) const
{
    Result<std::string> name = params.string("column");
    if (!name.isOk())
        return AssertionOutcome::tableFailure(name.message());
    const std::vector<std::string> names = columnNames(table);
    if (table.find(name.value()))
        return AssertionOutcome::tablePass(name.value() + " exists", {name.value()});
    const std::string close = closestWord(name.value(), names);
    return AssertionOutcome::tableFailure("column " + name.value() + " does not exist"
                                              + (close.empty() ? "" : " (did you mean " + close + "?)"),
                                          "columns: " + joined(names));
}

Status ColumnsEqualAssertion::validate(const Table &, const AssertionParams &params) const
{
    if (Status s = params.stringList("columns").status(); !s.isOk())
        return s;
    return params.flag("ordered", true).status();
}

AssertionOutcome ColumnsEqualAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                 const CancellationToken *) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const std::vector<std::string> expected = params.stringList("columns").value();
    const bool ordered = params.flag("ordered", true).value();
    const std::vector<std::string> actual = columnNames(table);
    std::vector<std::string> missing;
    std::vector<std::string> extra;
    for (const std::string &name : expected) {
        if (std::find(actual.begin(), actual.end(), name) == actual.end())
            missing.push_back(name);
    }
    for (const std::string &name : actual) {
        if (std::find(expected.begin(), expected.end(), name) == expected.end())
            extra.push_back(name);
    }
    const std::string observed = "columns: " + joined(actual);
    const bool sameSet = missing.empty() && extra.empty() && expected.size() == actual.size();
    if (sameSet && (!ordered || expected == actual))
        return AssertionOutcome::tablePass(observed);
    std::string message = "the columns differ from [" + joined(expected) + "]";
    if (!missing.empty())
        message += "; missing: " + joined(missing);
    if (!extra.empty())
        message += "; unexpected: " + joined(extra);
    if (missing.empty() && extra.empty())
        message += ordered ? "; same columns in another order" : "; a column is listed twice";
    return AssertionOutcome::tableFailure(message, observed);
}

Status RowCountBetweenAssertion::validate(const Table &, const AssertionParams &params) const
{
    if (!params.has("min") && !params.has("max"))
        return Status::invalidInput("parameter 'min' or 'max' is required");
    std::int64_t min = 0;
    std::int64_t max = 0;
    for (const char *key : {"min", "max"}) {
        if (!params.has(key))
            continue;
        Result<std::int64_t> value = params.integer(key);
        if (!value.isOk())
            return value.status();
        if (value.value() < 0)
            return Status::invalidInput("parameter '" + std::string(key) + "': a row count cannot be negative");
        (key[1] == 'i' ? min : max) = value.value();
    }
    if (params.has("min") && params.has("max") && min > max)
        return Status::invalidInput("parameter 'min' (" + std::to_string(min) + ") is greater than 'max' ("
                                    + std::to_string(max) + ")");
    return Status::ok();
}

AssertionOutcome RowCountBetweenAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                    const CancellationToken *) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const auto rows = static_cast<std::int64_t>(table.rowCount());
    const std::string observed = "rows = " + std::to_string(rows);
    if (params.has("min") && rows < params.integer("min").value())
        return AssertionOutcome::tableFailure("the table has " + std::to_string(rows) + " rows, fewer than min "
                                                  + std::to_string(params.integer("min").value()),
                                              observed);
    if (params.has("max") && rows > params.integer("max").value())
        return AssertionOutcome::tableFailure("the table has " + std::to_string(rows) + " rows, more than max "
                                                  + std::to_string(params.integer("max").value()),
                                              observed);
    return AssertionOutcome::tablePass(observed);
}

namespace {

bool typeMatches(std::string_view wanted, ColumnType type)
{
    if (wanted == "number")
        return type == ColumnType::Int64 || type == ColumnType::Float64;
    if (wanted == "text")
        return type == ColumnType::String || type == ColumnType::Categorical;
    return columnTypeFromName(wanted) == type;
}

} // namespace

Status TypeAssertion::validate(const Table &table, const AssertionParams &params) const
{
    if (Status s = params.column(table).status(); !s.isOk())
        return s;
    Result<std::string> type = params.string("type");
    if (!type.isOk())
        return type.status();
    if (type.value() != "number" && type.value() != "text" && !columnTypeFromName(type.value()))
        return Status::invalidInput("parameter 'type': '" + type.value()
                                    + "' is not a type (int64, float64, bool, datetime, string, categorical, number, text)");
    return Status::ok();
}

AssertionOutcome TypeAssertion::evaluate(const Table &table, const AssertionParams &params,
                                         const CancellationToken *) const
{
    if (Status s = validate(table, params); !s.isOk())
        return AssertionOutcome::tableFailure(s.message());
    const Column &column = *params.column(table).value();
    const std::string wanted = params.string("type").value();
    const std::string actual(columnTypeName(column.type()));
    if (typeMatches(wanted, column.type()))
        return AssertionOutcome::tablePass("type = " + actual, {column.name()});
    return AssertionOutcome::tableFailure("column " + column.name() + " is " + actual + ", not " + wanted,
                                          "type = " + actual, {column.name()});
}

} // namespace loupe
