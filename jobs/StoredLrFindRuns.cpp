#include "jobs/StoredLrFindRuns.h"

#include "jobs/StoredRunListing.h"

#include "core/lr/LrFindRunJson.h"

namespace loupe {

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    return StoredRunListing::listSummaries<StoredLrFindRun>(
        m_store, RunKind::LrFind, limit, [](StoredLrFindRun &run, const RunRecord &record) {
            const LrFindRunConfig config = lrFindConfigFromJson(record.configJson.toStdString());
            run.dataSource = QString::fromStdString(config.subject.data);
            run.specName = QString::fromStdString(config.subject.specName);
            if (!record.summaryJson.isEmpty()) {
                auto result = lrFindResultFromJson(record.summaryJson.toStdString());
                if (result.isOk())
                    run.result = result.value();
            }
            if (run.result.points.empty())
                run.result.mode = config.mode;
        });
}

} // namespace loupe
