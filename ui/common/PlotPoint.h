#pragma once
// One data point of a plot, as the hover readout and a click find it: the plottable (graph, curve or
// bars) it belongs to, its index in that plottable's data, its key and value in data coordinates and
// its series name. Plots add what the point stands for (a trial, a row, a step) in
// PlotWidget::pointDetails().

#include <QString>

class QCPAbstractPlottable;

namespace loupe {

struct PlotPoint {
    QCPAbstractPlottable *plottable = nullptr;
    int dataIndex = -1;
    double key = 0.0;
    double value = 0.0;
    QString series;
    double distance = 0.0; // pixels from the mouse

    bool isValid() const { return plottable != nullptr && dataIndex >= 0; }
};

} // namespace loupe
