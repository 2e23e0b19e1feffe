#pragma once
// Decides which progress updates are worth sending to the UI: at most one every ~40 ms, and only
// when the fraction moved by at least 1 % since the last one sent. A new stage, the first update
// and the final one (fraction >= 1) always pass. Not thread-safe: one throttle per job thread.

#include <QElapsedTimer>
#include <QString>

namespace loupe {

class ProgressThrottle {
public:
    // requires: minIntervalMs >= 0, 0 <= minStep <= 1
    explicit ProgressThrottle(qint64 minIntervalMs = 40, double minStep = 0.01);

    // ensures: true when the update should be emitted; the throttle then remembers it as the last one sent.
    bool shouldEmit(double fraction, const QString &stage);
    void reset();

private:
    qint64 m_minIntervalMs;
    double m_minStep;
    QElapsedTimer m_clock;
    bool m_sentAny = false;
    double m_lastFraction = 0.0;
    QString m_lastStage;
};

} // namespace loupe
