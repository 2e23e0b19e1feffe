#pragma once
// Base of every background job: a QObject worker that JobRunner moves to its own thread.
//
// Life of a job: the runner calls prepare() (run id + shared cancellation token), moves the job to a
// fresh QThread and invokes start() there. start() calls execute(); exceptions are caught on the job's
// thread and turned into failed(), so they never cross threads. Exactly one of
//   finished (declared by the subclass, with its value payload) / failed / cancelled
// is emitted, and then ended(). A cancellation requested at any time before execute() returns wins
// over its result. Only copyable value types travel in these signals.

#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include "jobs/ProgressThrottle.h"

#include <QObject>
#include <QString>

#include <memory>

namespace loupe {

class Job : public QObject {
    Q_OBJECT
public:
    explicit Job(QObject *parent = nullptr);
    ~Job() override;

    quint64 runId() const { return m_runId; }
    bool isCancelled() const { return m_token && m_token->isCancelled(); }
    // The token the engine polls. requires: prepare() was called.
    const CancellationToken *cancellationToken() const { return m_token.get(); }

    // Called by the runner on the creating thread before the job moves to its thread.
    // requires: runId != 0, token != nullptr
    void prepare(quint64 runId, std::shared_ptr<CancellationToken> token);

public Q_SLOTS:
    // Runs the job on the current thread. requires: prepare() was called.
    void start();

Q_SIGNALS:
    void progress(quint64 runId, double fraction, const QString &stage);
    void failed(quint64 runId, const QString &message);
    void cancelled(quint64 runId);
    // Always the last signal of a run, whatever its outcome.
    void ended(quint64 runId);

protected:
    // The work, on the job's thread. Return Ok to have emitFinished() called, Status::cancelled()
    // when it stopped early, any other Status to fail with its message. May throw.
    virtual Status execute() = 0;
    // Emits the subclass's finished(runId, value) signal with the value execute() produced.
    virtual void emitFinished() = 0;

    // Throttled progress (see ProgressThrottle). Safe to call often.
    void reportProgress(double fraction, const QString &stage);
    // A sink for core APIs: forwards throttled progress and answers Stop once cancelled.
    ProgressSink progressSink();

private:
    quint64 m_runId = 0;
    std::shared_ptr<CancellationToken> m_token;
    ProgressThrottle m_throttle;
};

} // namespace loupe
