#pragma once
// One optimiser step (batch) of a run: what the LR finder and loss-per-batch plots draw.
// A non-finite loss or learning rate is stored as NULL and reads back as NaN.

#include <QtGlobal>

namespace loupe {

struct StepMetric {
    qint64 step = 0; // unique within a run; writing a step again replaces it
    double loss = 0.0;
    double learningRate = 0.0;
};

} // namespace loupe
