#include "ui/models/StoredCheckRuns.h"

#include "core/checks/report/NoteWrapper.h"
#include "db/CheckResultRepository.h"
#include "db/RunRepository.h"
#include "db/RunStatus.h"
#include "db/Store.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

QJsonObject parseObject(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

// The "locals" object of a stored report, keys in stored order; empty when absent or unreadable.
QList<QPair<QString, QString>> orderedLocals(const QString &reportJson)
{
    QList<QPair<QString, QString>> locals;
    const auto report = nlohmann::ordered_json::parse(reportJson.toStdString(), nullptr, false);
    if (report.is_discarded() || !report.is_object() || !report.contains("locals") || !report["locals"].is_object())
        return locals;
    for (const auto &[name, value] : report["locals"].items()) {
        const std::string text = value.is_string() ? value.get<std::string>() : value.dump();
        locals.append({QString::fromStdString(name), QString::fromStdString(text)});
    }
    return locals;
}

constexpr int kRowsShown = 20; // as the text report: the first 20 failing rows with their values

} // namespace

StoredCheckRuns::StoredCheckRuns(QString workspace) : m_store(std::move(workspace)) { }

StoredCheckRuns::~StoredCheckRuns() = default;

Result<std::vector<StoredCheckRun>> StoredCheckRuns::list(int limit)
{
    auto records = m_store.runs(RunKind::Check, limit);
    if (!records.isOk())
        return records.status();
    std::vector<StoredCheckRun> runs;
    runs.reserve(records.value().size());
    for (const RunRecord &record : records.value()) {
        StoredCheckRun run;
        run.id = record.id;
        run.startedAt = record.startedAt.toLocalTime();
        run.status = runStatusName(record.status);
        const QJsonObject config = parseObject(record.configJson);
        run.suitePath = config.value(QStringLiteral("suite")).toString();
        run.dataPath = config.value(QStringLiteral("data")).toString();
        const QJsonObject summary = parseObject(record.summaryJson);
        run.testsRun = summary.value(QStringLiteral("tests_run")).toInt();
        run.failures = summary.value(QStringLiteral("failures")).toInt();
        run.warnings = summary.value(QStringLiteral("warnings")).toInt();
        runs.push_back(std::move(run));
    }
    return runs;
}

Result<std::vector<StoredCheckTest>> StoredCheckRuns::tests(qint64 runId)
{
    auto opened = m_store.get();
    if (!opened.isOk())
        return opened.status();
    auto records = CheckResultRepository(*opened.value()).list(runId);
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
        test.report = parseObject(record.reportJson);
        test.locals = orderedLocals(record.reportJson);
        tests.push_back(std::move(test));
    }
    return tests;
}

QString StoredCheckRuns::detailsText(const StoredCheckTest &test)
{
    const QJsonObject &report = test.report;
    QString text = report.value(QStringLiteral("message")).toString();
    if (text.isEmpty())
        text = test.passed ? QStringLiteral("passed") : QStringLiteral("the assertion failed");
    text += QLatin1Char('\n');
    const QJsonArray rows = report.value(QStringLiteral("rows")).toArray();
    const QJsonArray values = report.value(QStringLiteral("values")).toArray();
    const int shown = std::min(int(rows.size()), kRowsShown);
    for (int i = 0; i < shown; ++i) {
        text += QStringLiteral("row %1").arg(qint64(rows.at(i).toDouble()));
        if (i < values.size())
            text += QStringLiteral(": ") + values.at(i).toString();
        text += QLatin1Char('\n');
    }
    if (test.failureCount > shown)
        text += QStringLiteral("... and %1 more rows\n").arg(test.failureCount - shown);
    if (!test.locals.isEmpty()) {
        text += QStringLiteral("Locals:\n");
        for (const auto &[name, value] : test.locals)
            text += QStringLiteral("\t%1 = %2\n").arg(name, value);
    }
    const QString note = report.value(QStringLiteral("note")).toString();
    if (!note.isEmpty()) {
        text += QStringLiteral("Note:\n");
        for (const std::string &line : NoteWrapper::wrap(note.toStdString()))
            text += line.empty() ? QStringLiteral("\n")
                                 : QStringLiteral("\t") + QString::fromStdString(line) + QLatin1Char('\n');
    }
    return text;
}

} // namespace loupe
