#include "jobs/WorkspaceReader.h"

#include "jobs/JobRunner.h"

namespace loupe {

namespace {

const QString kReadSlot = QStringLiteral("workspace-read");

} // namespace

WorkspaceReader::WorkspaceReader(QString workspace, QObject *parent)
    : QObject(parent), m_runner(std::make_unique<JobRunner>()), m_workspace(std::move(workspace))
{
    connect(m_runner.get(), &JobRunner::runEnded, this, &WorkspaceReader::requestEnded);
}

WorkspaceReader::~WorkspaceReader() = default;

void WorkspaceReader::setWorkspace(const QString &workspace)
{
    cancel();
    m_workspace = workspace;
}

void WorkspaceReader::cancel()
{
    if (m_pending == 0)
        return;
    m_runner->cancel(m_pending);
    m_pending = 0;
}

quint64 WorkspaceReader::start(WorkspaceReadJob::ReadFunction read, std::function<void(const QVariant &)> onValue,
                               std::function<void(const Status &)> onError)
{
    auto *job = new WorkspaceReadJob(m_workspace, std::move(read));
    // Only the current run's signals get through, and the current run is the pending request.
    m_runner->connectCurrent(job, &WorkspaceReadJob::finished, this, [this, onValue](const QVariant &value) {
        m_pending = 0;
        onValue(value);
    });
    m_runner->connectCurrent(job, &Job::failed, this, [this, onError](const QString &message) {
        m_pending = 0;
        onError(Status::ioError(message.toStdString()));
    });
    m_pending = m_runner->start(job, kReadSlot); // supersedes the slot's previous request
    return m_pending;
}

} // namespace loupe
