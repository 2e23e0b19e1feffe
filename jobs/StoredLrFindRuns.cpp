#include "jobs/StoredLrFindRuns.h"

#include "jobs/StoredRunListing.h"

#include "core/lr/LrFindRunJson.h"

namespace loupe {

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    return StoredRunListing::listSummaries<StoredLrFindRun>(
        m_store, RunKind::LrFind, limit, [](StoredLrFindRun &run, const RunRecord &record, const QJsonObject &) {
            if (!record.summaryJson.isEmpty()) {
                auto result = lrFindResultFromJson(record.summaryJson.toStdString());
                if (result.isOk())
                    run.result = result.value();
            }
            if (run.result.points.empty())
                run.result.mode = lrFindConfigFromJson(record.configJson.toStdString()).mode;
        });
}

} // namespace loupe
