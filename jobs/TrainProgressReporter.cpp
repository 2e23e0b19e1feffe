#include "jobs/TrainProgressReporter.h"

namespace loupe {

TrainProgressReporter::TrainProgressReporter(Send send, qint64 intervalMs)
    : m_send(std::move(send))
    , m_intervalMs(intervalMs)
{
    Q_ASSERT(m_send && intervalMs >= 0);
}

CallbackAction TrainProgressReporter::onTrainBegin(Trainer &)
{
    m_smoother.reset();
    m_pending = TrainBatchProgress();
    m_clock.start();
    m_sinceSent.start();
    return CallbackAction::Continue;
}

CallbackAction TrainProgressReporter::onBatchEnd(Trainer &, const BatchStats &stats)
{
    BatchPoint point;
    point.step = stats.globalStep + 1;
    point.loss = stats.loss;
    point.smoothedLoss = m_smoother.add(stats.loss);
    point.learningRate = stats.learningRate;
    m_pending.points.append(point);
    m_pending.epoch = stats.epoch + 1;
    m_pending.step = point.step;
    m_pending.smoothedLoss = point.smoothedLoss;
    m_pending.learningRate = stats.learningRate;
    return CallbackAction::Continue;
}

TrainProgressHook TrainProgressReporter::hook()
{
    return [this](const TrainProgress &progress) {
        onProgress(progress);
        return ProgressAction::Continue;
    };
}

void TrainProgressReporter::onProgress(const TrainProgress &progress)
{
    m_pending.fraction = progress.fraction;
    m_pending.epochs = progress.epochs;
    m_pending.totalSteps = progress.totalSteps;
    const double elapsed = static_cast<double>(m_clock.elapsed()) / 1000.0;
    if (progress.fraction > 0.0)
        m_pending.etaSeconds = elapsed / progress.fraction * (1.0 - progress.fraction);
    const bool last = progress.globalStep >= progress.totalSteps;
    if (last || m_sinceSent.elapsed() >= m_intervalMs)
        flush();
}

void TrainProgressReporter::flush()
{
    if (m_pending.points.isEmpty())
        return;
    m_send(m_pending);
    m_pending.points.clear();
    m_sinceSent.restart();
}

} // namespace loupe
