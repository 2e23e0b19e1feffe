#include "app/cli/CliContext.h"

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

void CliContext::configureWorkspace(const QString &location, WorkspaceUse use)
{
    m_workspace = std::make_unique<CliWorkspace>(location, use);
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
