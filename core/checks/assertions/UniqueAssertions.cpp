#include "core/checks/assertions/UniqueAssertions.h"

#include "core/checks/assertions/RowGroups.h"
#include "core/data/Table.h"

namespace loupe {

Status UniqueAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return params.column(table).status();
}

AssertionOutcome UniqueAssertion::evaluate(const Table &table, const AssertionParams &params,
                                           const CancellationToken *cancel) const
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return AssertionOutcome::tableFailure(column.message());
    DuplicateSummary groups = summarizeDuplicates({column.value()}, cancel);
    if (groups.cancelled)
        return AssertionOutcome::pass(0);
    return AssertionOutcome::fromRows(*column.value(), std::move(groups.duplicatedRows), groups.checked,
                                      "are not unique (" + std::to_string(groups.repeatedKeys)
                                          + " values occur more than once)");
}

Status NotUniqueAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return params.column(table).status();
}

AssertionOutcome NotUniqueAssertion::evaluate(const Table &table, const AssertionParams &params,
                                              const CancellationToken *cancel) const
{
    Result<const Column *> column = params.column(table);
    if (!column.isOk())
        return AssertionOutcome::tableFailure(column.message());
    const DuplicateSummary groups = summarizeDuplicates({column.value()}, cancel);
    const std::string observed = std::to_string(groups.distinctCount) + " distinct of "
                                 + std::to_string(groups.checked) + " values";
    if (groups.distinctCount < groups.checked)
        return AssertionOutcome::tablePass(observed, {column.value()->name()});
    return AssertionOutcome::tableFailure("all " + std::to_string(groups.checked) + " values in "
                                              + column.value()->name() + " are unique",
                                          observed, {column.value()->name()});
}

namespace {

Result<std::vector<const Column *>> compoundColumns(const Table &table, const AssertionParams &params)
{
    Result<std::vector<const Column *>> columns = params.columns(table);
    if (!columns.isOk())
        return columns.status();
    if (columns.value().size() < 2)
        return Status::invalidInput("parameter 'columns': compound_unique needs at least two columns (use 'unique' for one)");
    for (std::size_t i = 0; i < columns.value().size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (columns.value()[i] == columns.value()[j])
                return Status::invalidInput("parameter 'columns': column '" + columns.value()[i]->name()
                                            + "' is listed twice");
        }
    }
    return columns;
}

} // namespace

double CompoundUniqueAssertion::relativeCost(const AssertionParams &params) const
{
    const nlohmann::json &columns = params.spec()["columns"];
    return 4.0 * static_cast<double>(columns.is_array() ? columns.size() : 2);
}

Status CompoundUniqueAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return compoundColumns(table, params).status();
}

AssertionOutcome CompoundUniqueAssertion::evaluate(const Table &table, const AssertionParams &params,
                                                   const CancellationToken *cancel) const
{
    Result<std::vector<const Column *>> columns = compoundColumns(table, params);
    if (!columns.isOk())
        return AssertionOutcome::tableFailure(columns.message());
    const std::vector<const Column *> &cols = columns.value();
    DuplicateSummary groups = summarizeDuplicates(cols, cancel);
    if (groups.cancelled)
        return AssertionOutcome::pass(0);
    std::vector<std::uint64_t> rows = std::move(groups.duplicatedRows);
    std::vector<std::string> names;
    std::string joined;
    for (const Column *column : cols) {
        names.push_back(column->name());
        joined += (joined.empty() ? "" : ", ") + column->name();
    }
    std::vector<std::string> values;
    for (std::size_t i = 0; i < rows.size() && i < AssertionOutcome::kMaxShownValues; ++i)
        values.push_back(describeRow(cols, static_cast<std::size_t>(rows[i])));
    const std::string message = std::to_string(rows.size()) + " of " + std::to_string(groups.checked)
                                + " rows repeat a combination of (" + joined + ")";
    return AssertionOutcome::fromRowValues(std::move(rows), std::move(values), groups.checked, std::move(names),
                                           message);
}

} // namespace loupe
