#include "core/checks/assertions/NotNullAssertion.h"

#include "core/data/Table.h"

namespace loupe {

Status NotNullAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return params.column(table).status();
}

AssertionOutcome NotNullAssertion::evaluate(const Table &table, const AssertionParams &params,
                                            const CancellationToken *cancel) const
{
    Result<const Column *> found = params.column(table);
    if (!found.isOk())
        return AssertionOutcome::tableFailure(found.message());
    const Column &column = *found.value();
    std::vector<std::uint64_t> rows;
    rows.reserve(column.missingCount());
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    for (std::size_t start = 0; start < n; start += 1 << 16) {
        if (cancel && cancel->isCancelled())
            return AssertionOutcome::pass(0);
        const std::size_t end = std::min(n, start + (1 << 16));
        for (std::size_t row = start; row < end; ++row) {
            if (!valid[row])
                rows.push_back(row);
        }
    }
    const std::uint64_t missing = rows.size();
    AssertionOutcome outcome = AssertionOutcome::fromRowValues(
        std::move(rows), std::vector<std::string>(std::min<std::size_t>(missing, AssertionOutcome::kMaxShownValues), "(missing)"),
        n, {column.name()}, std::to_string(missing) + " of " + std::to_string(n) + " values in " + column.name() + " are missing");
    return outcome;
}

} // namespace loupe
