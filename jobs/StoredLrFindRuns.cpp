#include "jobs/StoredLrFindRuns.h"

#include "jobs/StoredRunListing.h"

namespace loupe {

Result<std::vector<StoredLrFindRun>> StoredLrFindRuns::list(int limit)
{
    return StoredRunListing::listSummaries<StoredLrFindRun>(
        m_store, RunKind::LrFind, limit, [](StoredLrFindRun &run, const RunRecord &record, const QJsonObject &config) {
            if (!record.summaryJson.isEmpty()) {
                auto result = lrFindResultFromJson(record.summaryJson.toStdString());
                if (result.isOk())
                    run.result = result.value();
            }
            if (run.result.points.empty())
                run.result.mode = config.value(QStringLiteral("mode")).toString() == QLatin1String("range")
                                      ? LrFindMode::Range
                                      : LrFindMode::OnePass;
        });
}

} // namespace loupe
