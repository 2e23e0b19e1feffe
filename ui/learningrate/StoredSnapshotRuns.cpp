#include "ui/learningrate/StoredSnapshotRuns.h"

#include "core/lr/SnapshotReportJson.h"
#include "db/runs/RunRepository.h"
#include "db/runs/RunStatus.h"
#include "db/store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>

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
        const QJsonObject config = QJsonDocument::fromJson(record.configJson.toUtf8()).object();
        run.dataSource = config.value(QStringLiteral("data")).toString();
        run.specName = config.value(QStringLiteral("spec")).toObject().value(QStringLiteral("name")).toString();
        run.cycles = config.value(QStringLiteral("cycles")).toInt();
        run.epochs = config.value(QStringLiteral("epochs")).toInt();
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
