#include "ui/models/StoredLrFindRuns.h"

#include "db/RunRepository.h"
#include "db/RunStatus.h"
#include "db/Store.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace loupe {

StoredLrFindRuns::StoredLrFindRuns(QString workspace) : m_workspace(std::move(workspace)) { }

StoredLrFindRuns::~StoredLrFindRuns() = default;

Result<Store *> StoredLrFindRuns::store()
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

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    auto opened = store();
    if (!opened.isOk())
        return opened.status();
    auto records = RunRepository(*opened.value()).listRuns(RunKind::LrFind, limit);
    if (!records.isOk())
        return records.status();
    std::vector<StoredLrFindRun> runs;
    for (const RunRecord &record : records.value()) {
        StoredLrFindRun run;
        run.id = record.id;
        run.startedAt = record.startedAt.toLocalTime();
        run.status = runStatusName(record.status);
        const QJsonObject config = QJsonDocument::fromJson(record.configJson.toUtf8()).object();
        run.dataSource = config.value(QStringLiteral("data")).toString();
        run.specName = config.value(QStringLiteral("spec")).toObject().value(QStringLiteral("name")).toString();
        if (!record.summaryJson.isEmpty()) {
            auto result = lrFindResultFromJson(record.summaryJson.toStdString());
            if (result.isOk())
                run.result = result.value();
        }
        if (run.result.points.empty())
            run.result.mode = config.value(QStringLiteral("mode")).toString() == QLatin1String("range")
                                  ? LrFindMode::Range
                                  : LrFindMode::OnePass;
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace loupe
