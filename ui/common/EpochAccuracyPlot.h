#pragma once
// Training and validation accuracy per epoch: solid = training, dashed = validation, one colour per run (classification runs only).
// Reads a TrainCurves model (the live run and the checked stored runs); never the engine or SQLite.

#include "ui/common/CurvePlot.h"

namespace loupe {

class TrainCurves;

class EpochAccuracyPlot : public CurvePlot {
    Q_OBJECT
public:
    explicit EpochAccuracyPlot(QWidget *parent = nullptr);
    // Rebuilds the series from `curves`.
    void showCurves(const TrainCurves &curves);
};

} // namespace loupe
