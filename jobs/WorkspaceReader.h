#pragma once
// Reads the workspace for one view of a page without blocking it: every read() runs its function
// in a WorkspaceReadJob (its own thread, its own Store) and hands the value back on the reader's
// thread. A reader has at most one pending request: a new read() supersedes the pending one, whose
// reply is dropped (JobRunner cancels it and drops its late signals, as for any superseded run).
// A page keeps one reader per independent read (say, a list of runs and the chosen run's details).
//
// Threading: create, call and destroy a reader on one thread (the UI thread); replies arrive there
// through queued signals. The destructor waits for reads still running; their replies are dropped.

#include "jobs/WorkspaceReadJob.h"

#include "core/util/Status.h"

#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace loupe {

class JobRunner;
class Store;

class WorkspaceReader : public QObject {
    Q_OBJECT
public:
    template <typename T>
    using ReadFunction = std::function<Result<T>(Store &)>;
    template <typename T>
    using ReplyFunction = std::function<void(Result<T>)>;

    // workspace: a Store location (db/store/ConnectionSpec.h); empty makes every read fail with
    // "no workspace is open".
    explicit WorkspaceReader(QString workspace, QObject *parent = nullptr);
    ~WorkspaceReader() override;

    const QString &workspace() const { return m_workspace; }
    // Drops the pending request (as cancel()) and reads `workspace` from now on.
    void setWorkspace(const QString &workspace);

    // Runs `read` on a worker thread; `reply` is called later, on this reader's thread, with its
    // value or its error, unless a later read() or cancel() superseded the request first.
    // requires: T is copyable; read and reply are callable; read touches only the Store it is
    // given and what it captured by value. ensures: returns the request's id (never 0), pending.
    template <typename T>
    quint64 read(ReadFunction<T> read, ReplyFunction<T> reply);
    // Drops the pending request's reply; no-op when none is pending.
    void cancel();
    // A request is pending: started, not yet replied to, not superseded.
    bool isReading() const { return m_pending != 0; }
    // The pending request's id, 0 when none is pending.
    quint64 pendingRequest() const { return m_pending; }

Q_SIGNALS:
    // The request's thread has finished. Its reply, unless it was dropped, was delivered before.
    void requestEnded(quint64 requestId);

private:
    quint64 start(WorkspaceReadJob::ReadFunction read, std::function<void(const QVariant &)> onValue,
                  std::function<void(const Status &)> onError);

    std::unique_ptr<JobRunner> m_runner;
    QString m_workspace;
    quint64 m_pending = 0;
};

template <typename T>
quint64 WorkspaceReader::read(ReadFunction<T> read, ReplyFunction<T> reply)
{
    Q_ASSERT(read && reply);
    return start(
        [read = std::move(read)](Store &store) -> Result<QVariant> {
            Result<T> value = read(store);
            if (!value.isOk())
                return value.status();
            return QVariant::fromValue(value.takeValue());
        },
        [reply](const QVariant &value) { reply(Result<T>(value.value<T>())); },
        [reply](const Status &status) { reply(Result<T>(status)); });
}

} // namespace loupe
