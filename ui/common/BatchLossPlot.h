#pragma once
// The smoothed per-batch loss against the optimizer step (log scale); the live run also shows its raw batch losses, faintly.
// Reads a TrainCurves model (the live run and the checked stored runs); never the engine or SQLite.

#include "ui/common/CurvePlot.h"

namespace loupe {

class TrainCurves;

class BatchLossPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit BatchLossPlot(QWidget *parent = nullptr);
    // Rebuilds the series from `curves`.
    void showCurves(const TrainCurves &curves);
};

} // namespace loupe
