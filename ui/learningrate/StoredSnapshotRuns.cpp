#include "ui/learningrate/StoredSnapshotRuns.h"

#include "core/lr/SnapshotReportJson.h"
#include "db/runs/RunRepository.h"
#include "db/runs/RunStatus.h"
#include "db/store/Store.h"

namespace loupe {

StoredSnapshotRuns::StoredSnapshotRuns(QString workspace) : m_store(std::move(workspace)) { }

StoredSnapshotRuns::~StoredSnapshotRuns() = default;

Result<std::vector<StoredSnapshotRun>> StoredSnapshotRuns::list(int limit)
{
    auto records = m_store.runs(RunKind::Snapshot, limit);
    if (!records.isOk())
        return records.status();
    std::vector<StoredSnapshotRun> runs;
    for (const RunRecord &record : records.value()) {
        StoredSnapshotRun run;
        run.id = record.id;
        run.startedAt = record.startedAt.toLocalTime();
        run.status = runStatusName(record.status);
        const SnapshotRunConfig config = snapshotConfigFromJson(record.configJson.toStdString());
        run.dataSource = QString::fromStdString(config.subject.data);
        run.specName = QString::fromStdString(config.subject.specName);
        run.cycles = config.cycles;
        run.epochs = config.epochs;
        if (!record.summaryJson.isEmpty()) {
            auto report = snapshotReportFromJson(record.summaryJson.toStdString());
            if (report.isOk())
                run.report = report.value();
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace loupe
