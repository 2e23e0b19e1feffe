#pragma once
// The value under the mouse: a crosshair through the nearest data point (PlotWidget::nearestPoint:
// within 20 pixels, a bar anywhere in its column), a ring around it and a tooltip with the lines the
// plot gives for it (PlotWidget::readoutLines: its series in bold, the key and value as the axes
// read them, then a trial, row or step). Drawn on QCustomPlot's buffered "overlay" layer, so following the mouse repaints
// that layer only, never the data under it (thousands of trial lines).

#include "ui/common/PlotPoint.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QCustomPlot;
class QCPAbstractPlottable;
class QCPItemTracer;

namespace loupe {

class PlotReadout : public QObject {
    Q_OBJECT
public:
    static constexpr double kRadius = 20.0;
    using Find = std::function<PlotPoint(QPointF)>;
    using LinesFor = std::function<QStringList(const PlotPoint &)>;

    // find: the point nearest to a position; lines: what to write for a point, the first in bold.
    PlotReadout(QCustomPlot *plot, Find find, LinesFor lines);

    // Shows the readout of the point nearest to `position` (widget pixels), or hides it.
    void showAt(QPointF position);
    void hide();
    bool isShown() const { return m_point.isValid(); }
    // The point shown; invalid when hidden or when the plot has since removed its plottable.
    PlotPoint point() const { return m_plottable ? m_point : PlotPoint(); }
    // The readout as plain text, one line each (the bold one first); empty when hidden.
    QString text() const { return m_text; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void ensureItems();
    void setItemsVisible(bool visible);

    QCustomPlot *m_plot;
    Find m_find;
    LinesFor m_lines;
    PlotPoint m_point;
    QPointer<QCPAbstractPlottable> m_plottable; // m_point's, watched: a redraw may delete it
    QString m_text;
    QPointer<QCPItemTracer> m_cross;
    QPointer<QCPItemTracer> m_ring;
};

} // namespace loupe
