#include "db/runs/CheckRunRecorder.h"

#include "db/store/StoredJson.h"

#include "core/checks/report/JsonCheckReport.h"
#include "core/data/Table.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace loupe {

namespace {


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
    if (Status s = runs.finishRun(runId.value(), RunStatus::Completed, run.seconds, storedJson(summaryJson(run)));
        !s.isOk())
        return s;
    if (Status s = transaction.value().commit(); !s.isOk())
        return s;
    return runId.value();
}

Status CheckRunRecorder::recordTest(qint64 runId, const CheckTestResult &test, const Table *table)
{
    const AssertionOutcome &outcome = test.outcome;
    const auto resultId = m_store.insertReturningId(
        QStringLiteral("INSERT INTO check_results (run_id, test_name, severity, passed, failure_count, report_json) "
                       "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {runId, QString::fromStdString(test.name), QString::fromLatin1(checkSeverityName(test.severity)),
         test.failed() ? 0 : 1, static_cast<qint64>(outcome.tableLevel && !outcome.passed ? 1 : outcome.failingCount()),
         storedJson(JsonCheckReport::testJson(test, s_maxStoredFailures))},
        "storing the result of test '" + test.name + "'");
    if (!resultId.isOk())
        return resultId.status();
    if (outcome.passed)
        return Status::ok();

    const QString failureSql = QStringLiteral("INSERT INTO check_failures (result_id, row_index, column_name, "
                                              "cell_value) VALUES (?, ?, ?, ?)");
    if (outcome.tableLevel) {
        return m_store.exec(failureSql, {resultId.value(), QVariant(QMetaType::fromType<qint64>()),
                                         QVariant(QMetaType::fromType<QString>()),
                                         QString::fromStdString(outcome.observed)});
    }
    QSqlQuery failure = m_store.query();
    if (Status s = m_store.prepare(failure, failureSql); !s.isOk())
        return s;
    const Column *column = nullptr;
    if (table && outcome.columns.size() == 1)
        column = table->find(outcome.columns.front());
    const QString columnName = QString::fromStdString(outcome.columns.empty() ? std::string() : outcome.columns.front());
    const std::size_t stored = std::min(outcome.failingRows.size(), s_maxStoredFailures);
    for (std::size_t i = 0; i < stored; ++i) {
        const std::uint64_t row = outcome.failingRows[i];
        // A masked outcome's rows past its masked values keep their index and no text (NULL).
        QVariant cell(QMetaType::fromType<QString>());
        if (i < outcome.offendingValues.size())
            cell = QString::fromStdString(outcome.offendingValues[i]);
        else if (column && row < column->size() && outcome.disclosure == CellDisclosure::Raw)
            cell = QString::fromStdString(column->displayAt(static_cast<std::size_t>(row)));
        if (Status s = m_store.execPrepared(failure, {resultId.value(), static_cast<qint64>(row), columnName, cell});
            !s.isOk())
            return s;
    }
    return Status::ok();
}

} // namespace loupe
