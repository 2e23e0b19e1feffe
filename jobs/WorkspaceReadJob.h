#pragma once
// One read of the workspace off the UI thread. On its own thread (JobRunner) the job opens its own
// Store on the location (a Store belongs to the thread that opened it), runs the read function
// there and emits finished(runId, value) with the value the function returned. A location that
// cannot be opened, or a read that fails, ends in failed(runId, message) naming the location.
//
// The read function runs on the job's thread: it may use only the Store it is given and what it
// captured by value; the QVariant it returns must hold a copyable value type. WorkspaceReader wraps
// this job for pages (typed values, superseded replies dropped).

#include "jobs/Job.h"

#include "core/util/Status.h"

#include <QString>
#include <QVariant>

#include <functional>

namespace loupe {

class Store;

class WorkspaceReadJob : public Job {
    Q_OBJECT
public:
    using ReadFunction = std::function<Result<QVariant>(Store &)>;

    // workspace: a Store location (db/store/ConnectionSpec.h); empty fails with "no workspace is open".
    // requires: read is callable.
    WorkspaceReadJob(QString workspace, ReadFunction read, QObject *parent = nullptr);

Q_SIGNALS:
    void finished(quint64 runId, const QVariant &value);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    QString m_workspace;
    ReadFunction m_read;
    QVariant m_value;
};

} // namespace loupe
