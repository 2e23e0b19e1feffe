#pragma once
// Training and validation loss per epoch (log scale): solid = training, dashed = validation, one colour per run.
// Reads a TrainCurves model (the live run and the checked stored runs); never the engine or SQLite.

#include "ui/common/CurvePlot.h"

namespace loupe {

class TrainCurves;

class EpochLossPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit EpochLossPlot(QWidget *parent = nullptr);
    // Rebuilds the series from `curves`.
    void showCurves(const TrainCurves &curves);
};

} // namespace loupe
