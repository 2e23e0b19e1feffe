#include "jobs/StoredRunSummary.h"

#include "db/runs/RunStatus.h"

#include <QJsonDocument>

namespace loupe {

StoredRunSummary StoredRunSummary::of(const RunRecord &record, const QJsonObject &config)
{
    StoredRunSummary summary;
    summary.id = record.id;
    summary.startedAt = record.startedAt.toLocalTime();
    summary.status = runStatusName(record.status);
    summary.dataSource = config.value(QStringLiteral("data")).toString();
    summary.specName = config.value(QStringLiteral("spec")).toObject().value(QStringLiteral("name")).toString();
    return summary;
}

QJsonObject StoredRunSummary::jsonObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace loupe
