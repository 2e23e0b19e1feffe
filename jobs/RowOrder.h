#pragma once
// The rows the Data page shows for a RowQuery, as RowOrderJob hands them to the UI thread (a copyable
// value: the row list is shared read-only, never copied).

#include "core/data/RowQuery.h"
#include "core/data/Table.h"

#include <QMetaType>

#include <memory>
#include <vector>

namespace loupe {

struct RowOrder {
    std::shared_ptr<const Table> table;                  // the table the rows index
    std::shared_ptr<const std::vector<std::size_t>> rows; // view row i shows table row (*rows)[i]
    RowQuery query;
    double seconds = 0.0;
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::RowOrder)
