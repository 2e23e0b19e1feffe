#include "ui/models/StoredSnapshotRuns.h"

#include "core/lr/SnapshotReportJson.h"
#include "db/RunRepository.h"
#include "db/RunStatus.h"
#include "db/Store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace loupe {

StoredSnapshotRuns::StoredSnapshotRuns(QString workspace) : m_workspace(std::move(workspace)) { }

StoredSnapshotRuns::~StoredSnapshotRuns() = default;

Result<Store *> StoredSnapshotRuns::store()
{
    if (!m_store) {
        if (m_workspace.isEmpty())
            return Status::invalidInput("no workspace is open");
        auto opened = Store::open(m_workspace);
        if (!opened.isOk())
            return opened.status();
        m_store = opened.takeValue();
    }
    return m_store.get();
}

Result<std::vector<StoredSnapshotRun>> StoredSnapshotRuns::list(int limit)
{
    auto opened = store();
    if (!opened.isOk())
        return opened.status();
    auto records = RunRepository(*opened.value()).listRuns(RunKind::Snapshot, limit);
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
