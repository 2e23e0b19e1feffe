#include "jobs/StoredRunSummary.h"

#include "db/runs/RunStatus.h"

#include <QJsonDocument>

namespace loupe {

StoredRunSummary StoredRunSummary::of(const RunRecord &record)
{
    StoredRunSummary summary;
    summary.id = record.id;
    summary.startedAt = record.startedAt.toLocalTime();
    summary.status = runStatusName(record.status);
    summary.interrupted = record.status == RunStatus::Interrupted;
    if (record.status != RunStatus::Completed && record.status != RunStatus::Running)
        summary.statusReason = record.error;
    return summary;
}

QJsonObject StoredRunSummary::jsonObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace loupe
