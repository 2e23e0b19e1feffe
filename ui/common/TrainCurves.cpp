#include "ui/common/TrainCurves.h"

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

const QVector<QColor> &palette()
{
    static const QVector<QColor> s_palette = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                              QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75),
                                              QColor(227, 119, 194), QColor(127, 127, 127), QColor(188, 189, 34),
                                              QColor(23, 190, 207)};
    return s_palette;
}

} // namespace

TrainCurves::TrainCurves(QObject *parent) : QObject(parent) {}

void TrainCurves::startLive(const QString &label, qint64 storedRunId, bool classification, int plannedEpochs)
{
    m_live = RunCurves();
    m_live.label = label;
    m_live.storedRunId = storedRunId;
    m_live.live = true;
    m_live.classification = classification;
    m_live.plannedEpochs = plannedEpochs;
    m_hasLive = true;
    m_running = true;
    updateOverlays();
    Q_EMIT changed();
}

void TrainCurves::appendEpoch(const EpochStats &stats)
{
    if (!m_hasLive)
        return;
    const double missing = std::nan("");
    m_live.epochs.append(stats.epoch + 1);
    m_live.loss.append(stats.loss);
    m_live.valLoss.append(stats.valLoss);
    m_live.accuracy.append(m_live.classification ? stats.accuracy : missing);
    m_live.valAccuracy.append(m_live.classification ? stats.valAccuracy : missing);
    m_live.epochLearningRate.append(stats.learningRate);
    Q_EMIT changed();
}

void TrainCurves::appendBatchPoints(const QVector<BatchPoint> &points)
{
    if (!m_hasLive || points.isEmpty())
        return;
    for (const BatchPoint &point : points) {
        m_live.steps.append(double(point.step));
        m_live.stepLoss.append(point.loss);
        m_live.smoothedLoss.append(point.smoothedLoss);
        m_live.stepLearningRate.append(point.learningRate);
    }
    Q_EMIT changed();
}

void TrainCurves::endLive()
{
    m_running = false;
    Q_EMIT changed();
}

void TrainCurves::setOverlays(QVector<RunCurves> overlays)
{
    m_checked = std::move(overlays);
    for (RunCurves &run : m_checked)
        run.live = false;
    updateOverlays();
    Q_EMIT changed();
}

// Every checked run is kept in m_checked; the overlays leave out the one the live run already draws,
// so that a checked run reappears when the next live run replaces it.
void TrainCurves::updateOverlays()
{
    m_overlays.clear();
    for (const RunCurves &run : m_checked)
        if (!m_hasLive || m_live.storedRunId == 0 || run.storedRunId != m_live.storedRunId)
            m_overlays.append(run);
}

QVector<const RunCurves *> TrainCurves::allRuns() const
{
    QVector<const RunCurves *> runs;
    for (const RunCurves &run : m_overlays)
        runs.append(&run);
    if (m_hasLive)
        runs.append(&m_live);
    return runs;
}

int TrainCurves::epochSpan() const
{
    int span = 0;
    for (const RunCurves *run : allRuns())
        span = std::max({span, run->plannedEpochs, int(run->epochs.size())});
    return span;
}

QColor TrainCurves::colorFor(const RunCurves &run)
{
    const qsizetype others = palette().size() - 1;
    if (run.live || run.storedRunId <= 0)
        return palette().front();
    return palette().at(1 + qsizetype(run.storedRunId % others));
}

} // namespace loupe
