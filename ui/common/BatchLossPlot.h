#pragma once
// The per-batch loss against the optimizer step (log scale), one colour per run, smoothed by the plot's slider
// (TensorBoard's EMA with bias correction) with the raw losses faint behind.
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
