#include "ui/common/PlotReadout.h"

#include <QHelpEvent>
#include <QToolTip>
#include <qcustomplot.h>

namespace loupe {

namespace {

QCPItemTracer *overlayTracer(QCustomPlot *plot, QCPItemTracer::TracerStyle style, const QPen &pen)
{
    auto *tracer = new QCPItemTracer(plot);
    tracer->setLayer(QStringLiteral("overlay"));
    tracer->setSelectable(false);
    tracer->position->setType(QCPItemPosition::ptAbsolute);
    tracer->setStyle(style);
    tracer->setPen(pen);
    tracer->setSize(11);
    tracer->setVisible(false);
    return tracer;
}

} // namespace

PlotReadout::PlotReadout(QCustomPlot *plot, Find find, LinesFor lines)
    : QObject(plot), m_plot(plot), m_find(std::move(find)), m_lines(std::move(lines))
{
    plot->installEventFilter(this);
}

void PlotReadout::ensureItems()
{
    if (!m_cross)
        m_cross = overlayTracer(m_plot, QCPItemTracer::tsCrosshair, QPen(QColor(90, 90, 90, 150), 1.0, Qt::DashLine));
    if (!m_ring)
        m_ring = overlayTracer(m_plot, QCPItemTracer::tsCircle, QPen(QColor(20, 20, 20), 1.6));
}

void PlotReadout::setItemsVisible(bool visible)
{
    for (QCPItemTracer *item : {m_cross.data(), m_ring.data()})
        if (item)
            item->setVisible(visible);
}

void PlotReadout::showAt(QPointF position)
{
    const PlotPoint point = m_find(position);
    if (!point.isValid()) {
        hide();
        return;
    }
    const bool moved = !m_plottable || point.plottable != m_plottable || point.dataIndex != m_point.dataIndex;
    m_point = point;
    m_plottable = point.plottable;
    if (moved) {
        m_text = m_lines(point).join(QLatin1Char('\n'));
        ensureItems();
        const QPointF pixel = point.plottable->coordsToPixels(point.key, point.value);
        m_cross->position->setCoords(pixel);
        m_ring->position->setCoords(pixel);
        setItemsVisible(true);
        m_ring->layer()->replot();
    }
    // One line per item, never wrapped (QToolTip wraps long rich text).
    QString html = QStringLiteral("<p style='white-space:pre'><b>%1</b>").arg(m_text.section(QLatin1Char('\n'), 0, 0).toHtmlEscaped());
    for (const QString &line : m_text.split(QLatin1Char('\n')).mid(1))
        html += QStringLiteral("<br>") + line.toHtmlEscaped();
    html += QStringLiteral("</p>");
    QToolTip::showText(m_plot->mapToGlobal(position.toPoint() + QPoint(16, 12)), html, m_plot);
}

void PlotReadout::hide()
{
    if (!m_point.isValid())
        return;
    m_point = PlotPoint();
    m_plottable = nullptr;
    m_text.clear();
    setItemsVisible(false);
    if (m_ring)
        m_ring->layer()->replot();
    QToolTip::hideText();
}

bool PlotReadout::eventFilter(QObject *watched, QEvent *event)
{
    // While a value is shown, the plot's own tooltip (what the mouse and keys do) waits.
    if (watched == m_plot && event->type() == QEvent::ToolTip && isShown())
        return true;
    return QObject::eventFilter(watched, event);
}

} // namespace loupe
