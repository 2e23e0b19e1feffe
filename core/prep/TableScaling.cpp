#include "core/prep/TableScaling.h"

#include <numeric>

namespace loupe {

std::vector<std::string> TableScaling::numericColumns(const Table &table)
{
    std::vector<std::string> names;
    for (const Column &column : table.columns()) {
        if (column.type() == ColumnType::Int64 || column.type() == ColumnType::Float64)
            names.push_back(column.name());
    }
    return names;
}

Result<ScalingOutcome> TableScaling::run(const Table &table, const ScalingRequest &request)
{
    if (table.rowCount() == 0)
        return Status::invalidInput("scaler: the table has no rows");
    auto partition = DataSplitter::partition(table.rowCount(), {0.0, request.testFraction}, request.seed);
    if (!partition.isOk())
        return partition.status();
    ScalerOptions options = request.scaler;
    if (options.columns.empty())
        options.columns = numericColumns(table);
    std::vector<std::size_t> fitRows = partition.value().train;
    if (request.fitOn == FitRows::All) {
        fitRows.resize(table.rowCount());
        std::iota(fitRows.begin(), fitRows.end(), std::size_t(0));
    }
    auto scaler = Scaler::fit(table, options, fitRows, partition.value().test);
    if (!scaler.isOk())
        return scaler.status();
    auto scaled = scaler.value().transform(table);
    if (!scaled.isOk())
        return scaled.status();
    return ScalingOutcome{scaler.takeValue(), partition.takeValue(), scaled.takeValue()};
}

} // namespace loupe
