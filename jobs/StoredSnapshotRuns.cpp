#include "jobs/StoredSnapshotRuns.h"

#include "jobs/StoredRunListing.h"

#include "core/lr/SnapshotReportJson.h"

namespace loupe {

Result<std::vector<StoredSnapshotRun>> StoredSnapshotRuns::list(int limit)
{
    return StoredRunListing::listSummaries<StoredSnapshotRun>(
        m_store, RunKind::Snapshot, limit,
        [](StoredSnapshotRun &run, const RunRecord &record) {
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
        });
}

} // namespace loupe
