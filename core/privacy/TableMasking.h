#pragma once
// Makes a cleaned copy of a table for sharing: chosen columns dropped, or masked.
//   MaskFindings: every value PiiTextScanner finds in a cell (with the column's name hints) is replaced by
//                 its PiiMasker form; the rest of the text stays. A birth-date DateTime column is masked
//                 whole; in a column of person names (PersonNameDetector) each name-shaped cell is
//                 masked to its initials. Masked columns become String columns.
//   MaskAll:      every present cell becomes PiiMasker::maskWhole of its displayed text.

#include "core/data/Table.h"
#include "core/util/Status.h"

#include <string>
#include <vector>

namespace loupe {

enum class ColumnTreatment { Keep, Drop, MaskFindings, MaskAll };

struct ColumnAction {
    std::string column;
    ColumnTreatment treatment = ColumnTreatment::Keep;
};

class TableMasking {
public:
    // ensures: InvalidInput naming the column when an action names a column the table lacks, or names a
    // column twice; the input table is never changed.
    static Result<Table> apply(const Table &table, const std::vector<ColumnAction> &actions);

    // One cell's text with its findings masked (MaskFindings for a single value; a name-shaped value counts
    // as a name when the column is named like one, without the column's share check).
    static std::string maskFindings(std::string_view text, const std::string &columnName);
};

} // namespace loupe
