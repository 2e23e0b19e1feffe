#pragma once
// Which trial line of a parallel-coordinates plot is under the mouse: each trial is drawn as
// axisCount + 1 points of a QCPCurve (one per axis, then a gap), so only its segment between the two
// axes around the mouse is measured — 10,000 trials cost 10,000 distances, not 70,000. Returns the
// nearest line within PlotReadout::kRadius pixels as its vertex on the nearer of those axes.

#include "ui/common/PlotPoint.h"

#include <QPointF>

class QCustomPlot;

namespace loupe {

class ParallelLinePicker {
public:
    static PlotPoint nearest(QCustomPlot &plot, int axisCount, QPointF position);
};

} // namespace loupe
