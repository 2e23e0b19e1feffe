#include "core/checks/assertions/InColumnAssertion.h"

#include "core/checks/RowScan.h"
#include "core/checks/assertions/CellKeys.h"
#include "core/checks/assertions/GroupTable.h"
#include "core/data/Table.h"

namespace loupe {

namespace {

struct InColumnSetup {
    const Column *column = nullptr;
    const Column *other = nullptr;
};

Result<InColumnSetup> readInColumnSetup(const Table &table, const AssertionParams &params)
{
    Result<const Column *> column = params.column(table, "column");
    if (!column.isOk())
        return column.status();
    Result<const Column *> other = params.column(table, "other");
    if (!other.isOk())
        return other.status();
    if (keyFamily(*column.value()) != keyFamily(*other.value()))
        return Status::invalidInput("parameter 'other': column '" + other.value()->name() + "' ("
                                    + std::string(columnTypeName(other.value()->type()))
                                    + ") holds a different kind of value than column '" + column.value()->name() + "' ("
                                    + std::string(columnTypeName(column.value()->type())) + ")");
    return InColumnSetup{column.value(), other.value()};
}

} // namespace

Status InColumnAssertion::validate(const Table &table, const AssertionParams &params) const
{
    return readInColumnSetup(table, params).status();
}

AssertionOutcome InColumnAssertion::evaluate(const Table &table, const AssertionParams &params,
                                             const CancellationToken *cancel) const
{
    Result<InColumnSetup> read = readInColumnSetup(table, params);
    if (!read.isOk())
        return AssertionOutcome::tableFailure(read.message());
    const Column &column = *read.value().column;
    const Column &other = *read.value().other;
    const std::vector<std::uint64_t> otherHashes = hashCells(other);
    GroupTable known(other.size());
    for (std::size_t row = 0; row < other.size(); ++row) {
        if (other.isValid(row))
            known.insert(otherHashes[row], row,
                         [&](std::uint64_t first) { return cellsEqual(other, static_cast<std::size_t>(first), other, row); });
    }
    const std::vector<std::uint64_t> hashes = hashCells(column);
    RowScanResult scan = scanValidRows(
        column,
        [&](std::size_t row) {
            return known.find(hashes[row], [&](std::uint64_t first) {
                       return cellsEqual(other, static_cast<std::size_t>(first), column, row);
                   }) == GroupTable::kNoGroup;
        },
        cancel);
    return AssertionOutcome::fromRows(column, std::move(scan.failingRows), scan.checked,
                                      "do not occur in column " + other.name());
}

} // namespace loupe
