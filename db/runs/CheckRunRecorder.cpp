#include "db/runs/CheckRunRecorder.h"

#include "core/checks/report/JsonCheckReport.h"
#include "core/data/Table.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace loupe {

namespace {

QString dumpJson(const nlohmann::ordered_json &json)
{
    return QString::fromStdString(json.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

nlohmann::ordered_json summaryJson(const CheckRunResult &run)
{
    nlohmann::ordered_json summary;
    summary["suite"] = run.suiteName;
    summary["tests_run"] = run.tests.size();
    summary["failures"] = run.failureCount();
    summary["warnings"] = run.warningCount();
    summary["ok"] = run.ok();
    summary["rows"] = run.rowCount;
    return summary;
}

} // namespace

Result<qint64> CheckRunRecorder::record(const CheckRunResult &run, const Table *table,
                                        std::optional<qint64> datasetId, const QString &configJson)
{
    auto transaction = Transaction::begin(m_store);
    if (!transaction.isOk())
        return transaction.status();
    RunRepository runs(m_store);
    auto runId = runs.createRun(RunKind::Check, datasetId, configJson);
    if (!runId.isOk())
        return runId.status();
    for (const CheckTestResult &test : run.tests) {
        if (Status s = recordTest(runId.value(), test, table); !s.isOk())
            return s;
    }
    if (Status s = runs.finishRun(runId.value(), RunStatus::Completed, run.seconds, dumpJson(summaryJson(run)));
        !s.isOk())
        return s;
    if (Status s = transaction.value().commit(); !s.isOk())
        return s;
    return runId.value();
}

Status CheckRunRecorder::recordTest(qint64 runId, const CheckTestResult &test, const Table *table)
{
    const AssertionOutcome &outcome = test.outcome;
    QSqlQuery insert = m_store.query();
    const QString resultSql = QStringLiteral("INSERT INTO check_results (run_id, test_name, severity, passed, "
                                             "failure_count, report_json) VALUES (?, ?, ?, ?, ?, ?)");
    if (Status s = m_store.prepare(insert, resultSql); !s.isOk())
        return s;
    insert.addBindValue(runId);
    insert.addBindValue(QString::fromStdString(test.name));
    insert.addBindValue(QString::fromLatin1(checkSeverityName(test.severity)));
    insert.addBindValue(test.failed() ? 0 : 1);
    insert.addBindValue(static_cast<qint64>(outcome.tableLevel && !outcome.passed ? 1 : outcome.failingCount()));
    insert.addBindValue(dumpJson(JsonCheckReport::testJson(test, s_maxStoredFailures)));
    if (Status s = m_store.execPrepared(insert); !s.isOk())
        return s;
    const qint64 resultId = insert.lastInsertId().toLongLong();
    if (outcome.passed)
        return Status::ok();

    QSqlQuery failure = m_store.query();
    const QString failureSql = QStringLiteral("INSERT INTO check_failures (result_id, row_index, column_name, "
                                              "cell_value) VALUES (?, ?, ?, ?)");
    if (Status s = m_store.prepare(failure, failureSql); !s.isOk())
        return s;
    if (outcome.tableLevel) {
        failure.addBindValue(resultId);
        failure.addBindValue(QVariant(QMetaType::fromType<qint64>()));
        failure.addBindValue(QVariant(QMetaType::fromType<QString>()));
        failure.addBindValue(QString::fromStdString(outcome.observed));
        return m_store.execPrepared(failure);
    }
    const Column *column = nullptr;
    if (table && outcome.columns.size() == 1)
        column = table->find(outcome.columns.front());
    const QString columnName = QString::fromStdString(outcome.columns.empty() ? std::string() : outcome.columns.front());
    const std::size_t stored = std::min(outcome.failingRows.size(), s_maxStoredFailures);
    for (std::size_t i = 0; i < stored; ++i) {
        const std::uint64_t row = outcome.failingRows[i];
        std::string cell;
        if (i < outcome.offendingValues.size())
            cell = outcome.offendingValues[i];
        else if (column && row < column->size())
            cell = column->displayAt(static_cast<std::size_t>(row));
        failure.addBindValue(resultId);
        failure.addBindValue(static_cast<qint64>(row));
        failure.addBindValue(columnName);
        failure.addBindValue(QString::fromStdString(cell));
        if (Status s = m_store.execPrepared(failure); !s.isOk())
            return s;
    }
    return Status::ok();
}

} // namespace loupe
