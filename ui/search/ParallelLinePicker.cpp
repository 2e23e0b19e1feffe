#include "ui/search/ParallelLinePicker.h"

#include "ui/common/PlotPointFinder.h"
#include "ui/common/PlotReadout.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length = QPointF::dotProduct(ab, ab);
    const double t = length > 0.0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::sqrt(QPointF::dotProduct(d, d));
}

} // namespace

PlotPoint ParallelLinePicker::nearest(QCustomPlot &plot, int axisCount, QPointF position)
{
    const int axes = axisCount;
    if (axes < 1)
        return {};
    const double key = plot.xAxis->pixelToCoord(position.x());
    const int left = std::clamp(int(std::floor(key)), 0, std::max(0, axes - 2));
    const int right = std::min(left + 1, axes - 1);
    const int nearer = key - left < 0.5 ? left : right;
    PlotPoint best;
    double bestDistance = PlotReadout::kRadius;
    for (int i = 0; i < plot.plottableCount(); ++i) {
        auto *curve = qobject_cast<QCPCurve *>(plot.plottable(i));
        if (!curve || !PlotPointFinder::isSearched(*curve))
            continue;
        const QCPCurveDataContainer &data = *curve->data();
        for (int start = 0; start + axes <= data.size(); start += axes + 1) {
            const auto a = data.at(start + left);
            const auto b = data.at(start + right);
            const bool hasA = std::isfinite(a->value), hasB = std::isfinite(b->value);
            if (!hasA && !hasB)
                continue;
            const QPointF pa = curve->coordsToPixels(a->key, hasA ? a->value : b->value);
            const QPointF pb = curve->coordsToPixels(b->key, hasB ? b->value : a->value);
            const QPointF single = hasA ? pa : pb;
            const double distance = hasA && hasB ? distanceToSegment(position, pa, pb)
                                                 : std::hypot(position.x() - single.x(), position.y() - single.y());
            if (distance >= bestDistance)
                continue;
            bestDistance = distance;
            const bool useLeft = (nearer == left && hasA) || !hasB;
            const auto vertex = useLeft ? a : b;
            best = {curve, start + (useLeft ? left : right), vertex->key, vertex->value, curve->name(), distance};
        }
    }
    return best;
}

} // namespace loupe
