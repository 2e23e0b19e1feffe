#include "ui/common/PlotHighlight.h"

#include "ui/common/PlotPointFinder.h"

#include <qcustomplot.h>

namespace loupe {

namespace {

const QString kLayer = QStringLiteral("highlight");
const QColor kColor(230, 85, 13);

} // namespace

PlotHighlight::PlotHighlight(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    plot->addLayer(kLayer, plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    // A buffered layer of its own: a new selection repaints the rings, not the data under them (a
    // click on one of 10,000 trial lines repainted them all).
    plot->layer(kLayer)->setMode(QCPLayer::lmBuffered);
    connect(plot, &QCustomPlot::beforeReplot, this, [this] {
        if ((!m_marks.isEmpty() && !m_markGraph) || (!m_line.isEmpty() && !m_lineCurve))
            draw();
    });
}

void PlotHighlight::set(const QVector<QPointF> &marks, const QVector<QPointF> &line)
{
    if (marks == m_marks && line == m_line && (marks.isEmpty() || m_markGraph) && (line.isEmpty() || m_lineCurve))
        return; // nothing new to draw (a live plot sets its selection again at every update)
    m_marks = marks;
    m_line = line;
    draw();
    // The layer alone when the plot is on screen (QCPLayer::replot replots the whole plot if its
    // buffers are not set up yet); a hidden plot on the next turn of the event loop.
    if (m_plot->isVisible())
        m_plot->layer(kLayer)->replot();
    else
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotHighlight::draw()
{
    if (!m_markGraph && !m_marks.isEmpty()) {
        m_markGraph = new QCPGraph(m_plot->xAxis, m_plot->yAxis);
        m_markGraph->setLayer(kLayer);
        m_markGraph->setLineStyle(QCPGraph::lsNone);
        m_markGraph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(kColor, 2.5), Qt::NoBrush, 15));
    }
    if (!m_lineCurve && !m_line.isEmpty()) {
        m_lineCurve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        m_lineCurve->setLayer(kLayer);
        m_lineCurve->setPen(QPen(kColor, 3.0));
    }
    for (QCPAbstractPlottable *plottable : {static_cast<QCPAbstractPlottable *>(m_markGraph.data()),
                                            static_cast<QCPAbstractPlottable *>(m_lineCurve.data())}) {
        if (!plottable)
            continue;
        plottable->setProperty(PlotPointFinder::kOverlay, true);
        plottable->setSelectable(QCP::stNone);
        plottable->removeFromLegend();
    }
    if (m_markGraph) {
        QVector<double> keys, values;
        for (const QPointF &mark : std::as_const(m_marks)) {
            keys << mark.x();
            values << mark.y();
        }
        m_markGraph->setData(keys, values);
    }
    if (m_lineCurve) {
        QVector<double> keys, values;
        for (const QPointF &point : std::as_const(m_line)) {
            keys << point.x();
            values << point.y();
        }
        m_lineCurve->setData(keys, values);
    }
}

} // namespace loupe
