#include "jobs/StoredCheckRuns.h"

#include "core/util/JsonReader.h"
#include "jobs/StoredRunListing.h"

#include "core/checks/report/NoteWrapper.h"
#include "db/runs/CheckResultRepository.h"

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

QString stringOf(const nlohmann::ordered_json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// Fills the test's message, rows, values, locals (in stored order, which QJsonObject would sort)
// and note from its stored report; leaves them empty when the report is unreadable.
void readReport(const QString &reportJson, StoredCheckTest &test)
{
    const auto report = JsonReader::parseOrderedOrNull(reportJson.toStdString());
    if (!report.is_object())
        return;
    test.message = stringOf(report.value("message", nlohmann::ordered_json()));
    test.note = stringOf(report.value("note", nlohmann::ordered_json()));
    if (const auto rows = report.find("rows"); rows != report.end() && rows->is_array()) {
        for (const auto &row : *rows)
            test.rows.append(row.is_number() ? row.get<qint64>() : 0);
    }
    if (const auto values = report.find("values"); values != report.end() && values->is_array()) {
        for (const auto &value : *values)
            test.values.append(stringOf(value));
    }
    if (const auto locals = report.find("locals"); locals != report.end() && locals->is_object()) {
        for (const auto &[name, value] : locals->items())
            test.locals.append({QString::fromStdString(name),
                                value.is_string() ? stringOf(value) : QString::fromStdString(value.dump())});
    }
}

constexpr int kRowsShown = 20; // as the text report: the first 20 failing rows with their values

} // namespace

Result<std::vector<StoredCheckRun>> StoredCheckRuns::list(int limit)
{
    return StoredRunListing::listSummaries<StoredCheckRun>(
        m_store, RunKind::Check, limit, [](StoredCheckRun &run, const RunRecord &record) {
            const QJsonObject config = StoredRunSummary::jsonObject(record.configJson);
            run.dataSource = config.value(QStringLiteral("data")).toString();
            run.suitePath = config.value(QStringLiteral("suite")).toString();
            const QJsonObject summary = StoredRunSummary::jsonObject(record.summaryJson);
            run.testsRun = summary.value(QStringLiteral("tests_run")).toInt();
            run.failures = summary.value(QStringLiteral("failures")).toInt();
            run.warnings = summary.value(QStringLiteral("warnings")).toInt();
        });
}

Result<std::vector<StoredCheckTest>> StoredCheckRuns::tests(qint64 runId)
{
    auto records = CheckResultRepository(m_store).list(runId);
    if (!records.isOk())
        return records.status();
    std::vector<StoredCheckTest> tests;
    tests.reserve(records.value().size());
    for (const CheckResultRecord &record : records.value()) {
        StoredCheckTest test;
        test.name = record.testName;
        test.severity = record.severity;
        test.passed = record.passed;
        test.failureCount = record.failureCount;
        readReport(record.reportJson, test);
        tests.push_back(std::move(test));
    }
    return tests;
}

QString StoredCheckRuns::detailsText(const StoredCheckTest &test)
{
    QString text = test.message;
    if (text.isEmpty())
        text = test.passed ? QStringLiteral("passed") : QStringLiteral("the assertion failed");
    text += QLatin1Char('\n');
    const int shown = std::min(int(test.rows.size()), kRowsShown);
    for (int i = 0; i < shown; ++i) {
        text += QStringLiteral("row %1").arg(test.rows.at(i));
        if (i < test.values.size())
            text += QStringLiteral(": ") + test.values.at(i);
        text += QLatin1Char('\n');
    }
    if (test.failureCount > shown)
        text += QStringLiteral("... and %1 more rows\n").arg(test.failureCount - shown);
    if (!test.locals.isEmpty()) {
        text += QStringLiteral("Locals:\n");
        for (const auto &[name, value] : test.locals)
            text += QStringLiteral("\t%1 = %2\n").arg(name, value);
    }
    if (!test.note.isEmpty()) {
        text += QStringLiteral("Note:\n");
        for (const std::string &line : NoteWrapper::wrap(test.note.toStdString()))
            text += line.empty() ? QStringLiteral("\n")
                                 : QStringLiteral("\t") + QString::fromStdString(line) + QLatin1Char('\n');
    }
    return text;
}

} // namespace loupe
