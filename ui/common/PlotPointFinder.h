#pragma once
// Finds data points on a QCustomPlot by pixel position: the point nearest to the mouse for the hover
// readout and for clicks, and how many points fall inside a rectangle (where a legend would hide
// them). Looks at visible graphs, curves and bars; a bar is hit anywhere in its column. Plottables
// with the property PlotPointFinder::kOverlay (highlights, raw curves behind smoothed ones) are
// left out. Graphs are searched by key range (their data are sorted), curves point by point.

#include "ui/common/PlotPoint.h"

#include <QRectF>

class QCustomPlot;

namespace loupe {

class PlotPointFinder {
public:
    static constexpr const char *kOverlay = "loupeOverlay";

    // The nearest point within `radius` pixels of `pos` (widget pixels); invalid when there is none.
    static PlotPoint nearest(QCustomPlot &plot, QPointF pos, double radius);
    // Points of visible plottables inside `rect` (pixels), counting at most `limit`.
    static int countInside(QCustomPlot &plot, const QRectF &rect, int limit);
    // True when `plottable` takes part (visible, not an overlay).
    static bool isSearched(const QCPAbstractPlottable &plottable);
};

} // namespace loupe
