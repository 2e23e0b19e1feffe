#include "jobs/Job.h"

#include <QtGlobal>

#include <exception>

namespace loupe {

Job::Job(QObject *parent) : QObject(parent) {}

Job::~Job() = default;

void Job::prepare(quint64 runId, std::shared_ptr<CancellationToken> token)
{
    Q_ASSERT(runId != 0);
    Q_ASSERT(token);
    m_runId = runId;
    m_token = std::move(token);
}

void Job::start()
{
    Q_ASSERT(m_token);
    Status status;
    try {
        status = isCancelled() ? Status::cancelled() : execute();
    } catch (const std::exception &error) {
        status = Status::error(StatusCode::Failed, std::string("unexpected error: ") + error.what());
    } catch (...) {
        status = Status::error(StatusCode::Failed, "unexpected error of unknown type");
    }
    if (isCancelled() || status.isCancelled()) {
        Q_EMIT cancelled(m_runId);
    } else if (!status.isOk()) {
        Q_EMIT failed(m_runId, QString::fromStdString(status.message()));
    } else {
        try {
            emitFinished();
        } catch (const std::exception &error) {
            Q_EMIT failed(m_runId, QStringLiteral("unexpected error: %1").arg(QString::fromUtf8(error.what())));
        }
    }
    Q_EMIT ended(m_runId);
}

void Job::reportProgress(double fraction, const QString &stage)
{
    const double clamped = qBound(0.0, fraction, 1.0);
    if (m_throttle.shouldEmit(clamped, stage))
        Q_EMIT progress(m_runId, clamped, stage);
}

ProgressSink Job::progressSink()
{
    return [this](const Progress &update) {
        reportProgress(update.fraction, QString::fromStdString(update.stage));
        return isCancelled() ? ProgressAction::Stop : ProgressAction::Continue;
    };
}

} // namespace loupe
