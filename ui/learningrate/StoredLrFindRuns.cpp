#include "ui/learningrate/StoredLrFindRuns.h"

#include "core/lr/LrFindRunJson.h"
#include "db/runs/RunRepository.h"
#include "db/runs/RunStatus.h"
#include "db/store/Store.h"

namespace loupe {

StoredLrFindRuns::StoredLrFindRuns(QString workspace) : m_store(std::move(workspace)) { }

StoredLrFindRuns::~StoredLrFindRuns() = default;

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    auto records = m_store.runs(RunKind::LrFind, limit);
    if (!records.isOk())
        return records.status();
    std::vector<StoredLrFindRun> runs;
    for (const RunRecord &record : records.value()) {
        StoredLrFindRun run;
        run.id = record.id;
        run.startedAt = record.startedAt.toLocalTime();
        run.status = runStatusName(record.status);
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
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace loupe
