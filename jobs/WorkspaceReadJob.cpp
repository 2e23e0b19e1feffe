#include "jobs/WorkspaceReadJob.h"

#include "db/store/Store.h"

namespace loupe {

WorkspaceReadJob::WorkspaceReadJob(QString workspace, ReadFunction read, QObject *parent)
    : Job(parent), m_workspace(std::move(workspace)), m_read(std::move(read))
{
    Q_ASSERT(m_read);
}

Status WorkspaceReadJob::execute()
{
    if (m_workspace.isEmpty())
        return Status::invalidInput("no workspace is open");
    auto store = Store::open(m_workspace);
    if (!store.isOk())
        return store.status();
    if (isCancelled())
        return Status::cancelled();
    auto value = m_read(*store.value());
    if (!value.isOk())
        return value.status();
    m_value = value.takeValue();
    return Status::ok();
}

void WorkspaceReadJob::emitFinished()
{
    Q_EMIT finished(runId(), m_value);
}

} // namespace loupe
