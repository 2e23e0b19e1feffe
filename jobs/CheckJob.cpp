#include "jobs/CheckJob.h"

#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/report/TextCheckReport.h"
#include "db/runs/CheckRunRecorder.h"
#include "db/store/Store.h"

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

Result<qint64> recordRun(const QString &workspace, const CheckRunResult &run, const Table &table, qint64 datasetId)
{
    auto store = Store::open(workspace);
    if (!store.isOk())
        return store.status();
    nlohmann::ordered_json config;
    config["command"] = "check";
    config["suite"] = run.suitePath;
    config["data"] = run.dataPath;
    return CheckRunRecorder(*store.value())
        .record(run, &table, datasetId >= 0 ? std::optional<qint64>(datasetId) : std::nullopt,
                QString::fromStdString(config.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)));
}

} // namespace

CheckJob::CheckJob(LoadedTable loaded, QString suiteText, QString suitePath, CheckJobOptions options, QObject *parent)
    : Job(parent), m_loaded(std::move(loaded)), m_suiteText(std::move(suiteText)), m_suitePath(std::move(suitePath)),
      m_options(std::move(options))
{
    Q_ASSERT(m_loaded.table);
    qRegisterMetaType<CheckJobResult>();
}

Status CheckJob::execute()
{
    reportProgress(0.0, QStringLiteral("checking"));
    auto suite = SuiteParser::parseText(m_suiteText.toStdString(), m_suitePath.toStdString());
    if (!suite.isOk())
        return suite.status();
    CheckRunOptions options;
    options.nowNanos = m_options.nowNanos;
    options.threads = m_options.threads;
    options.dataPath = m_loaded.path.toStdString();
    options.cancel = cancellationToken();
    options.progress = progressSink();
    auto run = CheckRunner::run(suite.value(), *m_loaded.table, options);
    if (!run.isOk())
        return run.status();
    m_result.run = run.takeValue();
    m_result.reportText = QString::fromStdString(TextCheckReport::render(m_result.run));
    if (!m_options.workspace.isEmpty()) {
        auto stored = recordRun(m_options.workspace, m_result.run, *m_loaded.table, m_loaded.datasetId);
        if (stored.isOk())
            m_result.workspaceRunId = stored.value();
        else
            m_result.workspaceNote = QString::fromStdString(stored.message());
    }
    return Status::ok();
}

void CheckJob::emitFinished()
{
    Q_EMIT finished(runId(), m_result);
}

} // namespace loupe
