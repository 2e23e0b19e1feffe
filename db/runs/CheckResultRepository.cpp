#include "db/runs/CheckResultRepository.h"

#include "db/store/Store.h"

#include <QSqlQuery>
#include <QVariant>

namespace loupe {

Result<std::vector<CheckResultRecord>> CheckResultRepository::list(qint64 runId)
{
    QSqlQuery query = m_store.query();
    const QString sql = QStringLiteral("SELECT id, test_name, severity, passed, failure_count, report_json "
                                       "FROM check_results WHERE run_id = ? ORDER BY id");
    if (Status status = m_store.run(query, sql, {runId}); !status.isOk())
        return status;
    std::vector<CheckResultRecord> results;
    while (query.next()) {
        CheckResultRecord record;
        record.id = query.value(0).toLongLong();
        record.testName = query.value(1).toString();
        record.severity = query.value(2).toString();
        record.passed = query.value(3).toInt() != 0;
        record.failureCount = query.value(4).toLongLong();
        record.reportJson = query.value(5).toString();
        results.push_back(std::move(record));
    }
    return results;
}

} // namespace loupe
