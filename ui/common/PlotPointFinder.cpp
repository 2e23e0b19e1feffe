#include "ui/common/PlotPointFinder.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

// The pixel position of a key along its axis, for the key range a search must cover.
std::pair<double, double> keyWindow(const QCPAxis *keyAxis, QPointF pos, double radius)
{
    const double along = keyAxis->orientation() == Qt::Horizontal ? pos.x() : pos.y();
    double low = keyAxis->pixelToCoord(along - radius);
    double high = keyAxis->pixelToCoord(along + radius);
    if (low > high)
        std::swap(low, high);
    return {low, high};
}

template <typename Container, typename Visit>
void forEachInWindow(const Container &data, double low, double high, Visit visit)
{
    for (auto it = data.findBegin(low); it != data.findEnd(high); ++it)
        visit(it);
}

struct Best {
    PlotPoint point;
    double squared = std::numeric_limits<double>::infinity();

    void offer(QCPAbstractPlottable *plottable, int index, double key, double value, QPointF pixel, QPointF pos)
    {
        const QPointF d = pixel - pos;
        const double squared2 = d.x() * d.x() + d.y() * d.y();
        if (squared2 < squared) {
            squared = squared2;
            point = {plottable, index, key, value, plottable->name(), std::sqrt(squared2)};
        }
    }
};

double halfBarPixels(const QCPBars &bars, double key)
{
    const QCPAxis *keyAxis = bars.keyAxis();
    switch (bars.widthType()) {
    case QCPBars::wtAbsolute:
        return bars.width() / 2.0;
    case QCPBars::wtAxisRectRatio: {
        const QRect rect = keyAxis->axisRect()->rect();
        return bars.width() * (keyAxis->orientation() == Qt::Horizontal ? rect.width() : rect.height()) / 2.0;
    }
    case QCPBars::wtPlotCoords:
        break;
    }
    return std::abs(keyAxis->coordToPixel(key + bars.width() / 2.0) - keyAxis->coordToPixel(key - bars.width() / 2.0)) / 2.0;
}

void searchBars(QCPBars *bars, QPointF pos, Best &best)
{
    const QCPAxis *keyAxis = bars->keyAxis();
    const double along = keyAxis->orientation() == Qt::Horizontal ? pos.x() : pos.y();
    const auto &data = *bars->data();
    for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
        const double top = bars->baseValue() + it->value;
        if (!std::isfinite(top))
            continue;
        const double center = keyAxis->coordToPixel(it->key);
        if (std::abs(along - center) > halfBarPixels(*bars, it->key) + 0.5)
            continue;
        // A hit anywhere in the column: it wins over any point that is not exactly under the mouse.
        best.offer(bars, int(it - data.constBegin()), it->key, top, pos + QPointF(0.0, 1e-3), pos);
        return;
    }
}

} // namespace

bool PlotPointFinder::isSearched(const QCPAbstractPlottable &plottable)
{
    return plottable.visible() && plottable.realVisibility() && !plottable.property(kOverlay).toBool()
           && plottable.keyAxis() && plottable.valueAxis();
}

PlotPoint PlotPointFinder::nearest(QCustomPlot &plot, QPointF pos, double radius)
{
    Best best;
    best.squared = radius * radius;
    for (int i = 0; i < plot.plottableCount(); ++i) {
        QCPAbstractPlottable *plottable = plot.plottable(i);
        if (!isSearched(*plottable))
            continue;
        if (auto *graph = qobject_cast<QCPGraph *>(plottable)) {
            const auto [low, high] = keyWindow(graph->keyAxis(), pos, radius);
            const auto &data = *graph->data();
            forEachInWindow(data, low, high, [&](auto it) {
                if (std::isfinite(it->value))
                    best.offer(graph, int(it - data.constBegin()), it->key, it->value, graph->coordsToPixels(it->key, it->value), pos);
            });
        } else if (auto *curve = qobject_cast<QCPCurve *>(plottable)) {
            const auto &data = *curve->data();
            for (auto it = data.constBegin(); it != data.constEnd(); ++it)
                if (std::isfinite(it->key) && std::isfinite(it->value))
                    best.offer(curve, int(it - data.constBegin()), it->key, it->value, curve->coordsToPixels(it->key, it->value), pos);
        } else if (auto *bars = qobject_cast<QCPBars *>(plottable)) {
            searchBars(bars, pos, best);
        }
    }
    return best.point;
}

int PlotPointFinder::countInside(QCustomPlot &plot, const QRectF &rect, int limit)
{
    int count = 0;
    auto inside = [&](const QCPAbstractPlottable *plottable, double key, double value) {
        if (std::isfinite(key) && std::isfinite(value) && rect.contains(plottable->coordsToPixels(key, value)))
            ++count;
    };
    for (int i = 0; i < plot.plottableCount() && count < limit; ++i) {
        QCPAbstractPlottable *plottable = plot.plottable(i);
        if (!isSearched(*plottable))
            continue;
        if (auto *graph = qobject_cast<QCPGraph *>(plottable)) {
            const bool across = graph->keyAxis()->orientation() == Qt::Horizontal;
            const double from = graph->keyAxis()->pixelToCoord(across ? rect.left() : rect.top());
            const double to = graph->keyAxis()->pixelToCoord(across ? rect.right() : rect.bottom());
            const auto &data = *graph->data();
            for (auto it = data.findBegin(std::min(from, to)); it != data.findEnd(std::max(from, to)) && count < limit; ++it)
                inside(graph, it->key, it->value);
        } else if (auto *curve = qobject_cast<QCPCurve *>(plottable)) {
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd() && count < limit; ++it)
                inside(curve, it->key, it->value);
        } else if (auto *bars = qobject_cast<QCPBars *>(plottable)) {
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd() && count < limit; ++it) {
                // A bar hides under the rectangle when its top does, or when it runs through it.
                const QPointF top = bars->coordsToPixels(it->key, bars->baseValue() + it->value);
                const QPointF base = bars->coordsToPixels(it->key, bars->baseValue());
                if (rect.intersects(QRectF(top, base).normalized().adjusted(-1, -1, 1, 1)))
                    ++count;
            }
        }
    }
    return count;
}

} // namespace loupe
