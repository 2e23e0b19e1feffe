#include "jobs/StoredLrFindRuns.h"

#include "jobs/StoredRunListing.h"

#include "core/lr/LrFindRunJson.h"

#include <algorithm>

namespace loupe {

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    auto listed = StoredRunListing::listSummaries<StoredLrFindRun>(
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
            run.isVerification = config.verify;
        });
    if (!listed.isOk())
        return listed;
    // Verifications (lr-verify) share the 'lr-find' kind but are not searches to overlay.
    std::vector<StoredLrFindRun> runs = listed.takeValue();
    runs.erase(std::remove_if(runs.begin(), runs.end(), [](const StoredLrFindRun &run) { return run.isVerification; }),
               runs.end());
    return runs;
}

} // namespace loupe
