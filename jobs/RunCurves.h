#pragma once
// One training run's curves as the plots draw them: per epoch and per step, a missing value as NaN
// (a gap). Filled live from TrainJob signals (ui/common/TrainCurves) or read back from the store
// (StoredTrainRuns::readCurves). A copyable value: it crosses threads in a workspace read's reply.

#include <QString>
#include <QVector>

namespace loupe {

struct RunCurves {
    qint64 storedRunId = 0;  // 0 for a live run that is not recorded
    QString label;           // legend text, e.g. "run 12 · chapter-mlp"
    bool live = false;       // the page's own latest run (drawn on top, thicker)
    bool classification = true;
    int plannedEpochs = 0;   // the live run's epochs to come (0 for stored runs)
    // Per epoch (x = 1-based epoch).
    QVector<double> epochs;
    QVector<double> loss;
    QVector<double> valLoss;
    QVector<double> accuracy;
    QVector<double> valAccuracy;
    QVector<double> epochLearningRate;
    // Per step (x = 1-based global step).
    QVector<double> steps;
    QVector<double> stepLoss;
    QVector<double> smoothedLoss;
    QVector<double> stepLearningRate;

    bool isEmpty() const { return epochs.isEmpty() && steps.isEmpty(); }
};

} // namespace loupe
