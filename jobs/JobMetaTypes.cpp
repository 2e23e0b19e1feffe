#include "jobs/JobMetaTypes.h"

#include "jobs/ColumnSummary.h"
#include "jobs/LoadedTable.h"

namespace loupe {

void registerJobMetaTypes()
{
    qRegisterMetaType<LoadedTable>();
    qRegisterMetaType<ColumnSummary>();
}

} // namespace loupe
