#pragma once
// The learning rate of every optimizer step (log scale), one colour per run.
// Reads a TrainCurves model (the live run and the checked stored runs); never the engine or SQLite.

#include "ui/common/CurvePlot.h"

namespace loupe {

class TrainCurves;

class LearningRatePlot : public CurvePlot {
    Q_OBJECT
public:
    explicit LearningRatePlot(QWidget *parent = nullptr);
    // Rebuilds the series from `curves`.
    void showCurves(const TrainCurves &curves);
};

} // namespace loupe
