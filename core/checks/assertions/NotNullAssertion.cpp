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
    // Blocks through a local buffer: each row is written and the cursor advanced by "missing" (no branch on
    // the validity byte, which is unpredictable when many values are missing).
    constexpr std::size_t kBlock = 4096;
    std::uint64_t buffer[kBlock];
    for (std::size_t start = 0; start < n; start += kBlock) {
        if (start % (1 << 16) == 0 && cancel && cancel->isCancelled())
            return AssertionOutcome::pass(0);
        const std::size_t end = std::min(n, start + kBlock);
        std::size_t k = 0;
        for (std::size_t row = start; row < end; ++row) {
            buffer[k] = row;
            k += valid[row] == 0 ? 1 : 0;
        }
        rows.insert(rows.end(), buffer, buffer + k);
    }
    const std::uint64_t missing = rows.size();
    AssertionOutcome outcome = AssertionOutcome::fromRowValues(
        std::move(rows), std::vector<std::string>(std::min<std::size_t>(missing, AssertionOutcome::kMaxShownValues), "(missing)"),
        n, {column.name()}, std::to_string(missing) + " of " + std::to_string(n) + " values in " + column.name() + " are missing");
    return outcome;
}

} // namespace loupe
