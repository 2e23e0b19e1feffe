#pragma once
// Turns a Table with a chosen target column into TrainingSets (rules in TableEncoding.h).
//
// Two steps, so that statistics never leak from validation or test rows into training:
//   plan()   decides the task, the classes and every feature column's encoding, taking class and
//            one-hot levels from all rows and means / standard deviations from `fitRows` only;
//   encode() writes the requested rows with that plan.
// Every error is InvalidInput and names the column ("column 'age': ...", "target column 'y': ...")
// and, for a bad value, its 1-based data row.

#include "core/data/Table.h"
#include "core/train/TableEncoding.h"
#include "core/data/TrainingSet.h"
#include "core/util/Status.h"

#include <cstddef>
#include <vector>

namespace loupe {

class TableToTrainingSet {
public:
    // requires: every index in fitRows < table.rowCount().
    // Fails when the target is missing from the table or unusable, an excluded column does not
    // exist, a feature column cannot be encoded, a value is missing (MissingValues::Reject), or no
    // feature column is left. fitRows may be empty only when scaling and imputation are off.
    static Result<TableEncoding> plan(const Table &table, const TableEncodingOptions &options,
                                      const std::vector<std::size_t> &fitRows);

    // requires: `encoding` was planned on this table; every index < table.rowCount(); rows not empty.
    // Fails (naming column and row) on a non-finite number.
    static Result<TrainingSet> encode(const Table &table, const TableEncoding &encoding,
                                      const std::vector<std::size_t> &rows);

    // All rows 0..table.rowCount()-1, for plan/encode without a split.
    static std::vector<std::size_t> allRows(const Table &table);

    // The text a class or one-hot level is known by: "false"/"true" for bool, the decimal value
    // for int64, the text for string and categorical. requires: the cell is not missing.
    static std::string levelText(const Column &column, std::size_t row);
};

} // namespace loupe
