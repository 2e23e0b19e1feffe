#include "ui/common/PlotInteraction.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace loupe {

namespace {

constexpr double kDragThreshold = 4.0; // pixels before a press becomes a drag
constexpr double kMinimumBox = 5.0;    // pixels: a thinner box side leaves that axis alone
constexpr double kWheelStep = 0.85;    // range factor per wheel notch
constexpr double kKeyZoom = 0.8;
constexpr double kKeyPan = 0.1;

double pixelAlong(const QCPAxis *axis, QPointF position)
{
    return axis->orientation() == Qt::Horizontal ? position.x() : position.y();
}

bool usable(const QCPRange &range, QCPAxis::ScaleType scale)
{
    if (!QCPRange::validRange(range) || !(range.upper > range.lower))
        return false;
    if (scale == QCPAxis::stLogarithmic)
        return range.lower > 0.0 && range.upper / range.lower > 1.0 + 1e-9 && range.upper < 1e300;
    return range.size() > 1e-9 * std::max(std::abs(range.lower), std::abs(range.upper));
}

} // namespace

PlotInteraction::PlotInteraction(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    m_views[0].axis = plot->xAxis;
    m_views[1].axis = plot->yAxis;
    reconcile();
    plot->installEventFilter(this);
    plot->setFocusPolicy(Qt::StrongFocus);
    connect(plot, &QCustomPlot::beforeReplot, this, &PlotInteraction::reconcile);
}

bool PlotInteraction::enabled(const AxisView &view) const
{
    return view.axis && m_orientations.testFlag(view.axis->orientation());
}

bool PlotInteraction::isZoomed() const
{
    return m_views[0].chosen || m_views[1].chosen;
}

void PlotInteraction::reconcile()
{
    for (AxisView &view : m_views) {
        if (!view.axis)
            continue;
        if (view.chosen && view.axis->scaleType() != view.scale)
            view.chosen = false; // a linear range means nothing on a log axis and back
        view.scale = view.axis->scaleType();
        if (!view.chosen) {
            view.automatic = view.axis->range();
        } else if (view.axis->range() != view.user) {
            view.automatic = view.axis->range(); // the plot set a new range: the user's view stays
            view.axis->setRange(view.user);
        }
    }
}

void PlotInteraction::choose(AxisView &view, QCPRange range)
{
    if (!usable(range, view.axis->scaleType()))
        return;
    view.axis->setRange(range);
    view.user = view.axis->range();
    view.chosen = true;
}

void PlotInteraction::userChanged()
{
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT viewChanged();
}

void PlotInteraction::zoom(double factor, QPointF center, Qt::Orientations orientations)
{
    reconcile();
    for (AxisView &view : m_views) {
        if (!enabled(view) || !orientations.testFlag(view.axis->orientation()))
            continue;
        const QCPRange before = view.axis->range();
        view.axis->scaleRange(factor, view.axis->pixelToCoord(pixelAlong(view.axis, center)));
        const QCPRange after = view.axis->range();
        view.axis->setRange(before);
        choose(view, after);
    }
    userChanged();
}

void PlotInteraction::zoomCentered(double factor)
{
    reconcile();
    for (AxisView &view : m_views) {
        if (!enabled(view))
            continue;
        const QCPRange range = view.axis->range();
        const bool logarithmic = view.axis->scaleType() == QCPAxis::stLogarithmic;
        const double center = logarithmic ? std::sqrt(range.lower * range.upper) : range.center();
        const QCPRange before = range;
        view.axis->scaleRange(factor, center);
        const QCPRange after = view.axis->range();
        view.axis->setRange(before);
        choose(view, after);
    }
    userChanged();
}

void PlotInteraction::zoomToRect(const QRectF &pixels)
{
    reconcile();
    for (AxisView &view : m_views) {
        if (!enabled(view))
            continue;
        const bool horizontal = view.axis->orientation() == Qt::Horizontal;
        if ((horizontal ? pixels.width() : pixels.height()) < kMinimumBox)
            continue;
        const double a = view.axis->pixelToCoord(horizontal ? pixels.left() : pixels.top());
        const double b = view.axis->pixelToCoord(horizontal ? pixels.right() : pixels.bottom());
        choose(view, QCPRange(std::min(a, b), std::max(a, b)));
    }
    userChanged();
}

void PlotInteraction::pan(double dx, double dy)
{
    reconcile();
    for (AxisView &view : m_views) {
        if (!enabled(view))
            continue;
        const double fraction = view.axis->orientation() == Qt::Horizontal ? dx : dy;
        if (fraction == 0.0)
            continue;
        const QCPRange range = view.axis->range();
        if (view.axis->scaleType() == QCPAxis::stLogarithmic) {
            const double factor = std::pow(range.upper / range.lower, fraction);
            choose(view, QCPRange(range.lower * factor, range.upper * factor));
        } else {
            const double shift = fraction * range.size();
            choose(view, QCPRange(range.lower + shift, range.upper + shift));
        }
    }
    userChanged();
}

void PlotInteraction::resetView()
{
    reconcile();
    for (AxisView &view : m_views) {
        if (view.axis && view.chosen) {
            view.chosen = false;
            view.axis->setRange(view.automatic);
        }
    }
    userChanged();
}

bool PlotInteraction::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        return onPress(static_cast<QMouseEvent *>(event));
    case QEvent::MouseMove:
        onMove(static_cast<QMouseEvent *>(event));
        break;
    case QEvent::MouseButtonRelease:
        onRelease(static_cast<QMouseEvent *>(event));
        break;
    case QEvent::MouseButtonDblClick:
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton
            && claimAt(static_cast<QMouseEvent *>(event)->position()) == Claim::None) {
            resetView();
        }
        break;
    case QEvent::Wheel:
        onWheel(static_cast<QWheelEvent *>(event));
        return true;
    case QEvent::KeyPress:
        return onKey(static_cast<QKeyEvent *>(event));
    case QEvent::Leave:
        Q_EMIT left();
        break;
    default:
        break;
    }
    return false;
}

bool PlotInteraction::onPress(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    reconcile();
    Q_EMIT left();
    m_pressPosition = event->position();
    m_pressRanges = {m_views[0].axis ? m_views[0].axis->range() : QCPRange(),
                     m_views[1].axis ? m_views[1].axis->range() : QCPRange()};
    switch (claimAt(m_pressPosition)) {
    case Claim::None:
        m_drag = Drag::Pending;
        break;
    case Claim::Gesture:
        m_drag = Drag::Claimed;
        break;
    case Claim::ClickOnly:
        m_drag = Drag::ClickOnly;
        break;
    }
    return false; // QCustomPlot still sees the press (its own signals, a plot's brush)
}

void PlotInteraction::onMove(QMouseEvent *event)
{
    const QPointF now = event->position();
    if (!(event->buttons() & Qt::LeftButton) || m_drag == Drag::None) {
        Q_EMIT hovered(now);
        return;
    }
    if (m_drag == Drag::Pending || m_drag == Drag::ClickOnly) {
        if ((now - m_pressPosition).manhattanLength() < kDragThreshold)
            return;
        if (m_drag == Drag::ClickOnly) {
            m_drag = Drag::Claimed; // moved off: no click, no drag
            return;
        }
        m_drag = (event->modifiers() & Qt::ShiftModifier) ? Drag::Box : Drag::Pan;
        Q_EMIT left();
    }
    if (m_drag == Drag::Pan)
        panFromPress(now);
    else if (m_drag == Drag::Box)
        showBox(now);
}

void PlotInteraction::onRelease(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const Drag drag = std::exchange(m_drag, Drag::None);
    if (drag == Drag::Pending || drag == Drag::ClickOnly) {
        Q_EMIT clicked(event->position(), event->modifiers());
    } else if (drag == Drag::Box) {
        hideBox();
        zoomToRect(QRectF(m_pressPosition, event->position()).normalized());
    }
}

void PlotInteraction::panFromPress(QPointF now)
{
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        AxisView &view = m_views[i];
        if (!enabled(view))
            continue;
        view.axis->setRange(m_pressRanges[i]);
        const double from = view.axis->pixelToCoord(pixelAlong(view.axis, m_pressPosition));
        const double to = view.axis->pixelToCoord(pixelAlong(view.axis, now));
        const QCPRange range = m_pressRanges[i];
        if (view.axis->scaleType() == QCPAxis::stLogarithmic)
            choose(view, QCPRange(range.lower * from / to, range.upper * from / to));
        else
            choose(view, QCPRange(range.lower + from - to, range.upper + from - to));
    }
    userChanged();
}

void PlotInteraction::showBox(QPointF now)
{
    if (!m_box) {
        m_box = new QCPItemRect(m_plot);
        m_box->setLayer(QStringLiteral("overlay"));
        m_box->setSelectable(false);
        m_box->topLeft->setType(QCPItemPosition::ptAbsolute);
        m_box->bottomRight->setType(QCPItemPosition::ptAbsolute);
        m_box->setPen(QPen(QColor(40, 90, 160), 1.0, Qt::DashLine));
        m_box->setBrush(QColor(40, 90, 160, 35));
    }
    const QRectF box = QRectF(m_pressPosition, now).normalized();
    m_box->topLeft->setCoords(box.topLeft());
    m_box->bottomRight->setCoords(box.bottomRight());
    m_box->setVisible(true);
    m_box->layer()->replot();
}

void PlotInteraction::hideBox()
{
    if (m_box) {
        m_box->setVisible(false);
        m_box->layer()->replot();
    }
}

void PlotInteraction::onWheel(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    const double steps = (delta.y() != 0 ? delta.y() : delta.x()) / 120.0;
    if (steps == 0.0)
        return;
    Qt::Orientations orientations = Qt::Horizontal | Qt::Vertical;
    if (event->modifiers() & Qt::ControlModifier)
        orientations = Qt::Horizontal;
    else if (event->modifiers() & Qt::ShiftModifier)
        orientations = Qt::Vertical;
    Q_EMIT left();
    zoom(std::pow(kWheelStep, steps), event->position(), orientations);
}

bool PlotInteraction::onKey(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomCentered(kKeyZoom);
        return true;
    case Qt::Key_Minus:
        zoomCentered(1.0 / kKeyZoom);
        return true;
    case Qt::Key_Left:
        pan(-kKeyPan, 0.0);
        return true;
    case Qt::Key_Right:
        pan(kKeyPan, 0.0);
        return true;
    case Qt::Key_Up:
        pan(0.0, kKeyPan);
        return true;
    case Qt::Key_Down:
        pan(0.0, -kKeyPan);
        return true;
    case Qt::Key_0:
    case Qt::Key_Home:
        resetView();
        return true;
    default:
        return false;
    }
}

} // namespace loupe
