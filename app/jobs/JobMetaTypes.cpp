#include "app/jobs/JobMetaTypes.h"

#include "app/jobs/ColumnSummary.h"
#include "app/jobs/LoadedTable.h"

namespace loupe {

void registerJobMetaTypes()
{
    qRegisterMetaType<LoadedTable>();
    qRegisterMetaType<ColumnSummary>();
}

} // namespace loupe
