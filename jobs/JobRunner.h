#pragma once
// Runs Jobs, one QThread each, and remembers which run is current in each named slot.
//
// Threading: a JobRunner lives on (and is called from) one thread, normally the UI thread.
// start() takes ownership of the job: it is moved to its own thread and deleted there (deleteLater)
// when that thread finishes. Starting a job in a slot supersedes the slot's previous run: that run is
// cancelled and stops being current. Its signals may still arrive (they were queued before it noticed);
// receivers drop them by checking isCurrent(runId), or by connecting through connectCurrent().
// The destructor cancels every running job, quits and waits for every thread.

#include "jobs/Job.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <memory>

class QThread;

namespace loupe {

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    ~JobRunner() override;

    // requires: job has no parent and was not started before.
    // ensures: the job runs on a new thread; returns its run id (never 0), current until superseded/cancelled.
    quint64 start(Job *job, const QString &slot = QString());

    // Asks the run to stop (cooperatively) and makes it non-current. Unknown or ended ids are ignored.
    void cancel(quint64 runId);
    void cancelAll();

    bool isCurrent(quint64 runId) const { return m_current.contains(runId); }
    bool isRunning(quint64 runId) const { return m_running.contains(runId); }
    int runningCount() const { return int(m_running.size()); }
    // The current run of a slot, or 0.
    quint64 currentRun(const QString &slot) const { return m_slotRun.value(slot, 0); }

    // Connects signal(runId, args...) of job to func(args...), called on context's thread and only while
    // that run is current. Use it instead of a plain connect for every job signal a page reacts to.
    template <typename Sender, typename Owner, typename... Args, typename Func>
    QMetaObject::Connection connectCurrent(Sender *job, void (Owner::*signal)(quint64, Args...), QObject *context,
                                           Func func)
    {
        QPointer<JobRunner> runner(this);
        return QObject::connect(job, signal, context, [runner, func](quint64 runId, Args... args) {
            if (runner && runner->isCurrent(runId))
                func(args...);
        });
    }

Q_SIGNALS:
    // The run's thread has finished and its job object is gone.
    void runEnded(quint64 runId);

private:
    struct Run {
        QThread *thread = nullptr;
        std::shared_ptr<CancellationToken> token;
        QString slot;
    };
    void onThreadFinished(quint64 runId);
    void makeNonCurrent(quint64 runId);

    quint64 m_nextRunId = 1;
    QHash<quint64, Run> m_running;
    QSet<quint64> m_current;
    QHash<QString, quint64> m_slotRun;
};

} // namespace loupe
