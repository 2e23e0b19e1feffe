#pragma once
// The selection drawn on a plot: rings around the selected points and, for a selection that is a
// line (a trial across the parallel-coordinates axes), that line drawn bold over the others. In
// data coordinates of the plot's x and y axes, on a layer above the data. Plots that rebuild their
// plottables (clearGraphs) lose it; it is drawn again from the kept coordinates before the next
// replot, and the plots set it afresh when their coordinates move. The layer is buffered: a new
// selection repaints only it.

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QVector>

class QCPCurve;
class QCPGraph;
class QCustomPlot;

namespace loupe {

class PlotHighlight : public QObject {
    Q_OBJECT
public:
    explicit PlotHighlight(QCustomPlot *plot);

    void set(const QVector<QPointF> &marks, const QVector<QPointF> &line = {});
    void clear() { set({}, {}); }
    const QVector<QPointF> &marks() const { return m_marks; }
    const QVector<QPointF> &line() const { return m_line; }
    bool isEmpty() const { return m_marks.isEmpty() && m_line.isEmpty(); }

private:
    void draw();

    QCustomPlot *m_plot;
    QVector<QPointF> m_marks;
    QVector<QPointF> m_line;
    QPointer<QCPGraph> m_markGraph;
    QPointer<QCPCurve> m_lineCurve;
};

} // namespace loupe
