#include "jobs/JobRunner.h"

#include "jobs/JobMetaTypes.h"

#include <QThread>

namespace loupe {

JobRunner::JobRunner(QObject *parent) : QObject(parent)
{
    registerJobMetaTypes();
}

JobRunner::~JobRunner()
{
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        it->token->cancel();
        it->thread->quit();
    }
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        it->thread->wait();
        delete it->thread;
    }
}

quint64 JobRunner::start(Job *job, const QString &slot)
{
    Q_ASSERT(job && !job->parent());
    const quint64 runId = m_nextRunId++;
    if (!slot.isEmpty()) {
        if (const quint64 previous = m_slotRun.value(slot, 0))
            cancel(previous);
        m_slotRun.insert(slot, runId);
    }
    Run run;
    run.token = std::make_shared<CancellationToken>();
    run.slot = slot;
    run.thread = new QThread;
    run.thread->setObjectName(QStringLiteral("job-%1").arg(runId));
    job->prepare(runId, run.token);
    job->moveToThread(run.thread);

    // started and ended are emitted on the job's thread; quit() is thread-safe, so call it right there.
    connect(run.thread, &QThread::started, job, &Job::start);
    connect(job, &Job::ended, run.thread, &QThread::quit, Qt::DirectConnection);
    connect(run.thread, &QThread::finished, job, &QObject::deleteLater);
    connect(run.thread, &QThread::finished, this, [this, runId] { onThreadFinished(runId); }, Qt::QueuedConnection);

    m_running.insert(runId, run);
    m_current.insert(runId);
    run.thread->start();
    return runId;
}

void JobRunner::cancel(quint64 runId)
{
    auto it = m_running.find(runId);
    if (it != m_running.end())
        it->token->cancel();
    makeNonCurrent(runId);
}

void JobRunner::cancelAll()
{
    const auto ids = m_running.keys();
    for (quint64 runId : ids)
        cancel(runId);
}

void JobRunner::makeNonCurrent(quint64 runId)
{
    m_current.remove(runId);
    for (auto it = m_slotRun.begin(); it != m_slotRun.end(); ++it) {
        if (it.value() == runId) {
            m_slotRun.erase(it);
            break;
        }
    }
}

void JobRunner::onThreadFinished(quint64 runId)
{
    auto it = m_running.find(runId);
    if (it == m_running.end())
        return;
    QThread *thread = it->thread;
    // A slot's run stays current after it ends, so its queued result is still delivered;
    // a run without a slot has nothing to supersede it and is forgotten here.
    if (it->slot.isEmpty())
        m_current.remove(runId);
    m_running.erase(it);
    thread->wait();
    delete thread;
    Q_EMIT runEnded(runId);
}

} // namespace loupe
