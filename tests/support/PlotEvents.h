#pragma once
// Synthetic mouse, wheel and key events for plot tests: sent to a PlotWidget's QCustomPlot through
// QApplication::sendEvent, so event filters (PlotInteraction, PlotReadout) see them as they would a
// user's. Positions are in the QCustomPlot's pixels.

#include "ui/common/PlotWidget.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPointF>
#include <QTest>
#include <QWheelEvent>

#include <qcustomplot.h>

namespace loupe::plotevents {

inline QWidget *target(PlotWidget &plot)
{
    return plot.customPlot();
}

inline void mouse(PlotWidget &plot, QEvent::Type type, QPointF position, Qt::MouseButton button,
                  Qt::MouseButtons buttons, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *widget = target(plot);
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, modifiers);
    QApplication::sendEvent(widget, &event);
}

inline void hover(PlotWidget &plot, QPointF position)
{
    mouse(plot, QEvent::MouseMove, position, Qt::NoButton, Qt::NoButton);
}

inline void click(PlotWidget &plot, QPointF position, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    mouse(plot, QEvent::MouseButtonPress, position, Qt::LeftButton, Qt::LeftButton, modifiers);
    mouse(plot, QEvent::MouseButtonRelease, position, Qt::LeftButton, Qt::NoButton, modifiers);
}

inline void doubleClick(PlotWidget &plot, QPointF position)
{
    click(plot, position);
    mouse(plot, QEvent::MouseButtonDblClick, position, Qt::LeftButton, Qt::LeftButton);
    mouse(plot, QEvent::MouseButtonRelease, position, Qt::LeftButton, Qt::NoButton);
}

// Press at `from`, move there in `steps` steps, release: a pan, or with Shift a zoom box.
inline void drag(PlotWidget &plot, QPointF from, QPointF to, Qt::KeyboardModifiers modifiers = Qt::NoModifier, int steps = 5)
{
    mouse(plot, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (int i = 1; i <= steps; ++i)
        mouse(plot, QEvent::MouseMove, from + (to - from) * (double(i) / steps), Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(plot, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

// One wheel notch is 120; positive zooms in.
inline void wheel(PlotWidget &plot, QPointF position, int delta, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *widget = target(plot);
    QWheelEvent event(position, widget->mapToGlobal(position), QPoint(), QPoint(0, delta), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

inline void key(PlotWidget &plot, Qt::Key key)
{
    QTest::keyClick(target(plot), key, Qt::NoModifier);
}

// The middle of the axis rect, and a pixel given in data coordinates.
inline QPointF middle(PlotWidget &plot)
{
    return QRectF(plot.customPlot()->axisRect()->rect()).center();
}

inline QPointF pixelOf(PlotWidget &plot, double x, double y)
{
    return QPointF(plot.customPlot()->xAxis->coordToPixel(x), plot.customPlot()->yAxis->coordToPixel(y));
}

// Shows the plot at a fixed size and lays it out (a replot), as a user would first see it.
inline bool showAt(PlotWidget &plot, QSize size = QSize(640, 420))
{
    plot.resize(size);
    plot.show();
    if (!QTest::qWaitForWindowExposed(&plot))
        return false;
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    return true;
}

} // namespace loupe::plotevents
