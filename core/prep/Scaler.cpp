#include "core/prep/Scaler.h"

#include "core/prep/LeakageGuard.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace loupe {

namespace {

std::string columnLabel(const Column &column)
{
    return "column '" + column.name() + "' (" + std::string(columnTypeName(column.type())) + ")";
}

// The table's columns for `names`, checked to exist, be numeric and be named once.
Result<std::vector<const Column *>> resolveColumns(const Table &table, const std::vector<std::string> &names)
{
    if (names.empty())
        return Status::invalidInput("scaler: no columns chosen to scale");
    std::vector<const Column *> columns;
    std::set<std::string> seen;
    for (const std::string &name : names) {
        const Column *column = table.find(name);
        if (!column)
            return Status::invalidInput("scaler: column '" + name + "' is not in the table");
        if (!isScalableColumn(*column))
            return Status::invalidInput("scaler: " + columnLabel(*column)
                                        + " is not numeric; scaling applies to int64, float64 and bool columns");
        if (!seen.insert(name).second)
            return Status::invalidInput("scaler: column '" + name + "' is named twice");
        columns.push_back(column);
    }
    return columns;
}

double presentNumber(const Column &column, std::size_t row)
{
    return column.isValid(row) ? column.numericAt(row) : std::nan("");
}

Status checkOptions(const ScalerOptions &options)
{
    if (options.method != ScalingMethod::MinMax)
        return Status::ok();
    if (!std::isfinite(options.rangeLow) || !std::isfinite(options.rangeHigh) || !(options.rangeLow < options.rangeHigh))
        return Status::invalidInput("scaler: min-max range [" + std::to_string(options.rangeLow) + ", "
                                    + std::to_string(options.rangeHigh) + "] must be finite with low < high");
    return Status::ok();
}

// One row of a row method: the chosen cells divided by their L1 or L2 norm (present cells only).
void scaleRow(ScalingMethod method, const std::vector<const Column *> &sources, std::size_t row,
              std::vector<Column> &outputs)
{
    double norm = 0.0;
    for (const Column *column : sources) {
        const double value = presentNumber(*column, row);
        if (std::isfinite(value))
            norm += method == ScalingMethod::UnitL1 ? std::fabs(value) : value * value;
    }
    if (method == ScalingMethod::UnitL2)
        norm = std::sqrt(norm);
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!sources[i]->isValid(row)) {
            outputs[i].appendMissing();
            continue;
        }
        const double value = sources[i]->numericAt(row);
        outputs[i].appendDouble(norm > 0.0 && std::isfinite(value) ? value / norm : value);
    }
}

} // namespace

bool isScalableColumn(const Column &column)
{
    const ColumnType type = column.type();
    return type == ColumnType::Int64 || type == ColumnType::Float64 || type == ColumnType::Bool;
}

Result<Scaler> Scaler::fit(const Table &table, const ScalerOptions &options, const std::vector<std::size_t> &fitRows,
                           const std::vector<std::size_t> &testRows)
{
    if (Status leak = LeakageGuard::checkFitRows(fitRows, testRows); !leak.isOk())
        return leak;
    if (Status valid = checkOptions(options); !valid.isOk())
        return valid;
    auto columns = resolveColumns(table, options.columns);
    if (!columns.isOk())
        return columns.status();
    if (fitRows.empty())
        return Status::invalidInput("scaler: no fitting rows (the training split is empty)");
    for (std::size_t row : fitRows) {
        if (row >= table.rowCount())
            return Status::invalidInput("scaler: fitting row index " + std::to_string(row) + " is past the table's "
                                        + std::to_string(table.rowCount()) + " rows");
    }
    Scaler scaler;
    scaler.m_method = options.method;
    scaler.m_fitRows = fitRows.size();
    scaler.m_rangeLow = options.rangeLow;
    scaler.m_rangeHigh = options.rangeHigh;
    for (const Column *column : columns.value()) {
        MomentsAccumulator accumulator;
        for (std::size_t row : fitRows)
            accumulator.add(presentNumber(*column, row));
        ScaledColumn scaled;
        scaled.name = column->name();
        scaled.moments = accumulator.moments();
        if (scaled.moments.count == 0)
            return Status::invalidInput("scaler: " + columnLabel(*column)
                                        + " has no present value in the fitting rows to fit on");
        scaled.affine = affineScaleFor(options.method, scaled.moments, options.rangeLow, options.rangeHigh);
        scaler.m_columns.push_back(std::move(scaled));
    }
    return scaler;
}

Result<Scaler> Scaler::fit(const Table &table, const ScalerOptions &options, const RowPartition &partition)
{
    return fit(table, options, partition.train, partition.test);
}

Result<Table> Scaler::transform(const Table &table) const
{
    std::vector<std::string> names;
    for (const ScaledColumn &column : m_columns)
        names.push_back(column.name);
    auto sources = resolveColumns(table, names);
    if (!sources.isOk())
        return sources.status();
    const std::size_t rows = table.rowCount();
    std::vector<Column> outputs;
    for (const Column *source : sources.value()) {
        outputs.emplace_back(source->name(), ColumnType::Float64);
        outputs.back().reserve(rows);
    }
    if (isRowScaling(m_method)) {
        for (std::size_t row = 0; row < rows; ++row)
            scaleRow(m_method, sources.value(), row, outputs);
    } else {
        for (std::size_t i = 0; i < outputs.size(); ++i) {
            const Column &source = *sources.value()[i];
            for (std::size_t row = 0; row < rows; ++row) {
                if (source.isValid(row))
                    outputs[i].appendDouble(m_columns[i].affine.apply(source.numericAt(row)));
                else
                    outputs[i].appendMissing();
            }
        }
    }
    Table result = table;
    for (Column &output : outputs) {
        output.recountMissing();
        result.column(*result.indexOf(output.name())) = std::move(output);
    }
    return result;
}

} // namespace loupe
