#include "app/cli/CliContext.h"

#include "db/runs/RunRecord.h"
#include "db/store/Store.h"
#include "db/store/UtcTimestamp.h"

#include <QFile>

namespace loupe::cli {

CliContext::CliContext(std::ostream &out, std::ostream &err) : m_out(out), m_err(err) {}

void CliContext::printJson(const nlohmann::ordered_json &document)
{
    m_out << document.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    m_out.flush();
}

ExitCode CliContext::fail(ExitCode code, const std::string &message)
{
    const std::string prefix = m_commandName.isEmpty() ? std::string("loupe-cli")
                                                       : "loupe-cli " + toUtf8(m_commandName);
    m_err << prefix << ": " << message << '\n';
    m_err.flush();
    if (isJson()) {
        nlohmann::ordered_json document;
        document["error"] = message;
        document["exit_code"] = toInt(code);
        printJson(document);
    }
    return code;
}

ExitCode CliContext::fail(const Status &status)
{
    Q_ASSERT(!status.isOk());
    const ExitCode code = status.code() == StatusCode::Failed ? ExitCode::Failures : ExitCode::BadInput;
    return fail(code, status.message());
}

void CliContext::warn(const std::string &message)
{
    m_err << "loupe-cli " << toUtf8(m_commandName) << ": warning: " << message << '\n';
    m_err.flush();
}

void CliContext::noteInterruptedRuns(const Store &store)
{
    constexpr std::size_t s_maxListed = 10;
    if (!store.interruptedCheck().isOk())
        warn("could not look for interrupted runs: " + store.interruptedCheck().message());
    const std::vector<RunRecord> &runs = store.interruptedOnOpen();
    for (std::size_t i = 0; i < runs.size() && i < s_maxListed; ++i) {
        const RunRecord &run = runs[i];
        warn("run " + std::to_string(run.id) + " (" + toUtf8(runKindName(run.kind)) + ", started "
             + toUtf8(UtcTimestamp::format(run.startedAt)) + ") was interrupted: " + toUtf8(run.error));
    }
    if (runs.size() > s_maxListed)
        warn(std::to_string(runs.size() - s_maxListed) + " more runs were interrupted");
}

void CliContext::configureWorkspace(const QString &location, WorkspaceUse use)
{
    m_workspace = std::make_unique<CliWorkspace>(location, use, [this](const Store &store) { noteInterruptedRuns(store); });
}

std::string toUtf8(const QString &text)
{
    return text.toStdString();
}

std::string toNativePath(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

} // namespace loupe::cli
