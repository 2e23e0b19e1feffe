#include "jobs/JobMetaTypes.h"

#include "jobs/ColumnSummary.h"
#include "jobs/LoadedTable.h"
#include "jobs/RowOrder.h"

namespace loupe {

void registerJobMetaTypes()
{
    qRegisterMetaType<LoadedTable>();
    qRegisterMetaType<ColumnSummary>();
    qRegisterMetaType<RowOrder>();
}

} // namespace loupe
