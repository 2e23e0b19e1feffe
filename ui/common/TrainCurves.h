#pragma once
// The curves the Train page plots: the live run (filled from TrainJob signals) and any stored runs
// checked in the runs list (overlays). Plots read only from here. Missing values are NaN (gaps).
// Lives on the UI thread; emits changed() after every edit, and plots redraw when the page's
// ~40 ms timer fires, not per signal.

#include "jobs/RunCurves.h"
#include "jobs/TrainTypes.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <QVector>

namespace loupe {

class TrainCurves : public QObject {
    Q_OBJECT
public:
    explicit TrainCurves(QObject *parent = nullptr);

    // Starts a new live run (clearing the previous live one).
    void startLive(const QString &label, qint64 storedRunId, bool classification, int plannedEpochs);
    void appendEpoch(const EpochStats &stats);
    void appendBatchPoints(const QVector<BatchPoint> &points);
    // The live run stopped training (it stays drawn until the next start).
    void endLive();
    bool hasLive() const { return m_hasLive; }
    bool isRunning() const { return m_running; }
    const RunCurves &live() const { return m_live; }

    // Replaces the checked stored runs. The overlays are those of them the live run does not already
    // draw; they follow each new live run (a checked run hidden by the live one comes back after it).
    void setOverlays(QVector<RunCurves> overlays);
    const QVector<RunCurves> &overlays() const { return m_overlays; }

    // Everything to draw: overlays first, then the live run (so it is drawn on top).
    QVector<const RunCurves *> allRuns() const;
    // The most epochs any run has or plans (for the epoch axis).
    int epochSpan() const;
    // A stable colour per run: the live (or unrecorded) run is always the first palette colour,
    // a stored run's colour follows from its id.
    static QColor colorFor(const RunCurves &run);

Q_SIGNALS:
    void changed();

private:
    RunCurves m_live;
    bool m_hasLive = false;
    bool m_running = false;
    void updateOverlays();

    QVector<RunCurves> m_checked;  // every checked stored run
    QVector<RunCurves> m_overlays; // m_checked minus the live run
};

} // namespace loupe
