#include "db/runs/CheckResultRepository.h"

#include "db/store/Store.h"

#include <QSqlQuery>
#include <QVariant>

namespace loupe {

Result<std::vector<CheckResultRecord>> CheckResultRepository::list(qint64 runId)
{
    return m_store.selectAll(QStringLiteral("SELECT id, test_name, severity, passed, failure_count, report_json "
                                            "FROM check_results WHERE run_id = ? ORDER BY id"),
                             {runId}, [](const QSqlQuery &row) {
                                 CheckResultRecord record;
                                 record.id = row.value(0).toLongLong();
                                 record.testName = row.value(1).toString();
                                 record.severity = row.value(2).toString();
                                 record.passed = row.value(3).toInt() != 0;
                                 record.failureCount = row.value(4).toLongLong();
                                 record.reportJson = row.value(5).toString();
                                 return record;
                             });
}

} // namespace loupe
