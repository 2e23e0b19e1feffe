#pragma once
// A feature scaler fitted on the training split's rows and applied unchanged to every other row
// (validation, test, live data). See docs/scaling.md.
//
// Columns: int64, float64 and bool (as 0/1); other types are refused naming the column. Scaled
// columns become float64. Missing cells (and non-finite numbers) are skipped while fitting and stay
// missing after transform(). Constant columns: see ScalingMath.h (divisor 1, no NaN). Row methods
// (UnitL1, UnitL2) divide each row's chosen cells by that row's norm over its present cells; a row
// whose norm is 0 is left as it is.
// The fitted parameters round-trip through JSON (toJson / fromJson), so a run stores its scaler and
// a later process applies exactly the same map.

#include "core/data/Table.h"
#include "core/prep/ScalingMath.h"
#include "core/prep/ScalingMethod.h"
#include "core/data/DataSplitter.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

struct ScalerOptions {
    ScalingMethod method = ScalingMethod::Standardize;
    std::vector<std::string> columns; // the columns to scale, in this order; not empty
    double rangeLow = 0.0;            // MinMax target range; rangeLow < rangeHigh
    double rangeHigh = 1.0;
};

struct ScaledColumn {
    std::string name;
    ColumnMoments moments; // of the fitting rows
    AffineScale affine;    // identity for row methods
};

class Scaler {
public:
    Scaler() = default;

    // Fits on `fitRows` of `table`. Refuses with LeakageGuard's message when a fitting row is one of
    // `testRows` (pass the test split's rows). Other InvalidInput: no columns, a column missing or
    // not numeric (named), a column named twice, no fitting rows, a row index past the table, a
    // column without a single present value in the fitting rows, a bad MinMax range.
    static Result<Scaler> fit(const Table &table, const ScalerOptions &options, const std::vector<std::size_t> &fitRows,
                              const std::vector<std::size_t> &testRows);
    // Fits on partition.train and guards against partition.test.
    static Result<Scaler> fit(const Table &table, const ScalerOptions &options, const RowPartition &partition);

    // A copy of `table` with the fitted columns replaced by their scaled float64 values.
    // InvalidInput when a fitted column is missing from `table` or not numeric.
    Result<Table> transform(const Table &table) const;
    // The scaled value of one cell of fitted column `index` (per-column methods only).
    // requires: index < columns().size() and !isRowScaling(method()).
    double apply(std::size_t index, double value) const { return m_columns[index].affine.apply(value); }

    ScalingMethod method() const { return m_method; }
    const std::vector<ScaledColumn> &columns() const { return m_columns; }
    std::size_t fitRowCount() const { return m_fitRows; }
    double rangeLow() const { return m_rangeLow; }
    double rangeHigh() const { return m_rangeHigh; }

    // {"method","range":[low,high],"fit_rows","columns":[{"name","center","scale","offset","constant",
    //  "count","mean","stddev","min","max"}]}
    nlohmann::ordered_json toJson() const;
    // InvalidInput starting with the JSON path of what is wrong ("columns[1].scale: ...").
    static Result<Scaler> fromJson(const nlohmann::json &json);
    // JSON that cannot be read gives "<source>:<line>:<column>: <what> (at <json path>)".
    static Result<Scaler> fromJsonText(const std::string &text, std::string_view source = "scaler parameters");

private:
    ScalingMethod m_method = ScalingMethod::None;
    std::vector<ScaledColumn> m_columns;
    std::size_t m_fitRows = 0;
    double m_rangeLow = 0.0;
    double m_rangeHigh = 1.0;
};

// int64, float64 and bool: the column types a Scaler accepts.
bool isScalableColumn(const Column &column);

} // namespace loupe
