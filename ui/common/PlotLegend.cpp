#include "ui/common/PlotLegend.h"

#include "ui/common/PlotPointFinder.h"

#include <QActionGroup>
#include <QMenu>

#include <algorithm>
#include <qcustomplot.h>

namespace loupe {

namespace {

constexpr Qt::Alignment kTopLeft = Qt::AlignTop | Qt::AlignLeft;
constexpr Qt::Alignment kTopRight = Qt::AlignTop | Qt::AlignRight;
constexpr Qt::Alignment kBottomLeft = Qt::AlignBottom | Qt::AlignLeft;
constexpr Qt::Alignment kBottomRight = Qt::AlignBottom | Qt::AlignRight;

Qt::Alignment cornerOf(PlotLegend::Placement placement)
{
    switch (placement) {
    case PlotLegend::Placement::TopLeft:
        return kTopLeft;
    case PlotLegend::Placement::BottomLeft:
        return kBottomLeft;
    case PlotLegend::Placement::BottomRight:
        return kBottomRight;
    default:
        return kTopRight;
    }
}

PlotLegend::Placement placementOf(Qt::Alignment corner)
{
    if (corner == kTopLeft)
        return PlotLegend::Placement::TopLeft;
    if (corner == kBottomLeft)
        return PlotLegend::Placement::BottomLeft;
    if (corner == kBottomRight)
        return PlotLegend::Placement::BottomRight;
    return PlotLegend::Placement::TopRight;
}

} // namespace

PlotLegend::PlotLegend(QCustomPlot *plot) : QObject(plot), m_plot(plot)
{
    connect(plot, &QCustomPlot::beforeReplot, this, &PlotLegend::applyHidden);
}

void PlotLegend::setPlacement(Placement placement)
{
    m_placement = placement;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT changed();
}

bool PlotLegend::shows() const
{
    return m_placement != Placement::Hidden && m_plot->legend->visible() && m_plot->legend->itemCount() > 0;
}

PlotLegend::Placement PlotLegend::currentPlacement() const
{
    if (!shows())
        return Placement::Hidden;
    return m_outside ? m_side : placementOf(m_corner);
}

QString PlotLegend::seriesAt(QPointF position) const
{
    if (!shows())
        return QString();
    auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->layoutElementAt(position));
    return item && item->plottable() ? item->plottable()->name() : QString();
}

void PlotLegend::toggleSeries(const QString &name)
{
    setSeriesHidden(name, !isSeriesHidden(name));
}

void PlotLegend::setSeriesHidden(const QString &name, bool hidden)
{
    if (hidden) {
        m_hidden.insert(name);
    } else {
        m_hidden.remove(name);
        for (int i = 0; i < m_plot->plottableCount(); ++i)
            if (m_plot->plottable(i)->name() == name || seriesOf(m_plot->plottable(i)) == name)
                m_plot->plottable(i)->setVisible(true);
    }
    applyHidden();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT changed();
}

QStringList PlotLegend::hiddenSeries() const
{
    QStringList names(m_hidden.cbegin(), m_hidden.cend());
    names.sort();
    return names;
}

void PlotLegend::applyHidden()
{
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable *plottable = m_plot->plottable(i);
        if (m_hidden.contains(plottable->name()) || m_hidden.contains(seriesOf(plottable)))
            plottable->setVisible(false);
    }
    for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i))) {
            const bool hidden = item->plottable() && m_hidden.contains(item->plottable()->name());
            item->setTextColor(hidden ? QColor(150, 150, 150) : QColor(Qt::black));
        }
    }
    if (QCPLayer *layer = m_plot->layer(QStringLiteral("legend")))
        layer->setVisible(m_placement != Placement::Hidden);
}

QString PlotLegend::seriesOf(const QCPAbstractPlottable *plottable)
{
    return plottable->property(kSeriesOf).toString();
}

int PlotLegend::legendIndex() const
{
    QCPLayoutInset *inset = m_plot->axisRect()->insetLayout();
    for (int i = 0; i < inset->elementCount(); ++i)
        if (inset->elementAt(i) == m_plot->legend)
            return i;
    return -1;
}

void PlotLegend::putInCorner(Qt::Alignment corner)
{
    const int index = legendIndex();
    if (index < 0)
        return;
    QCPLayoutInset *inset = m_plot->axisRect()->insetLayout();
    const bool moved = m_outside || m_corner != corner || inset->insetPlacement(index) != QCPLayoutInset::ipBorderAligned;
    inset->setInsetPlacement(index, QCPLayoutInset::ipBorderAligned);
    inset->setInsetAlignment(index, corner);
    m_corner = corner;
    m_outside = false;
    if (moved)
        inset->update(QCPLayoutElement::upLayout);
}

void PlotLegend::putOutside(Placement side)
{
    const int index = legendIndex();
    if (index < 0)
        return;
    // Free placement is in fractions of the inset layout's inner rect (the axis rect less the inset's
    // margins); the legend keeps its minimum size.
    QCPLayoutInset *inset = m_plot->axisRect()->insetLayout();
    const QRect inner = inset->rect();
    const QRect area = m_plot->axisRect()->rect();
    const QSize size = m_plot->legend->minimumOuterSizeHint();
    if (inner.width() <= 0 || inner.height() <= 0)
        return;
    QRectF where;
    if (side == Placement::Above) // right-aligned with the axis rect, just above it
        where = QRectF(double(area.right() + 1 - size.width() - inner.left()) / inner.width(),
                       double(area.top() - size.height() - 2 - inner.top()) / inner.height(), 0.0, 0.0);
    else // just right of the axis rect, level with the inner top
        where = QRectF(double(area.right() + 3 - inner.left()) / inner.width(), 0.0, 0.0, 0.0);
    inset->setInsetPlacement(index, QCPLayoutInset::ipFree);
    inset->setInsetRect(index, where);
    m_outside = true;
    m_side = side;
    inset->update(QCPLayoutElement::upLayout);
}

QMargins PlotLegend::room() const
{
    if (!m_outside)
        return {};
    const QSize size = m_plot->legend->minimumOuterSizeHint();
    return m_side == Placement::Above ? QMargins(0, size.height() + 4, 0, 0) : QMargins(0, 0, size.width() + 6, 0);
}

int PlotLegend::hiddenPointsAt(Qt::Alignment corner, double inflate) const
{
    const QSize size = m_plot->legend->minimumOuterSizeHint();
    const QRect area = m_plot->axisRect()->rect();
    // The inset layout keeps the legend a few pixels off the axis rect's edges (12 at Qt's defaults),
    // so the legend covers a band that far in beyond its own size: count that band too, or a point
    // just inside it stays hidden (a one-epoch validation loss was).
    const QMargins inset = m_plot->axisRect()->insetLayout()->margins();
    const double width = size.width() * inflate + std::max({inset.left(), inset.right(), 12});
    const double height = size.height() * inflate + std::max({inset.top(), inset.bottom(), 12});
    const double left = corner & Qt::AlignLeft ? area.left() : area.right() - width;
    const double top = corner & Qt::AlignTop ? area.top() : area.bottom() - height;
    return PlotPointFinder::countInside(*m_plot, QRectF(left, top, width, height), 1);
}

void PlotLegend::reposition()
{
    if (m_outside && shows() && legendIndex() >= 0)
        putOutside(m_side);
}

QMargins PlotLegend::place()
{
    if (!shows() || legendIndex() < 0)
        return {};
    if (m_placement == Placement::Outside || m_placement == Placement::Above) {
        putOutside(m_placement);
        return room();
    }
    if (m_placement != Placement::Automatic) {
        putInCorner(cornerOf(m_placement));
        return {};
    }
    // Inside only with room to spare (measured as if it were inside), and where it hides no point.
    const QSize size = m_plot->legend->minimumOuterSizeHint();
    const QMargins taken = room();
    const QRect area = m_plot->axisRect()->rect().adjusted(0, -taken.top(), taken.right(), 0);
    const bool fits = size.width() <= area.width() - 12 && size.height() <= area.height() - 12;
    if (fits) {
        QList<Qt::Alignment> corners{m_preferred};
        if (!m_outside)
            corners << m_corner;
        corners << kTopRight << kTopLeft << kBottomRight << kBottomLeft;
        // Once outside, a corner must be free with some room to spare before the legend moves back in.
        const double inflate = m_outside ? 1.15 : 1.0;
        for (Qt::Alignment corner : std::as_const(corners)) {
            if (hiddenPointsAt(corner, inflate) == 0) {
                putInCorner(corner);
                return {};
            }
        }
    }
    putOutside(size.width() <= 0.4 * m_plot->width() ? Placement::Outside : Placement::Above);
    return room();
}

void PlotLegend::addActions(QMenu *menu)
{
    if (!m_plot->legend->visible() || m_plot->legend->itemCount() == 0)
        return;
    QMenu *legendMenu = menu->addMenu(tr("Legend"));
    auto *group = new QActionGroup(legendMenu);
    const QList<std::pair<Placement, QString>> choices{
        {Placement::Automatic, tr("Where it hides no data")}, {Placement::TopLeft, tr("Top left")},
        {Placement::TopRight, tr("Top right")},               {Placement::BottomLeft, tr("Bottom left")},
        {Placement::BottomRight, tr("Bottom right")},         {Placement::Outside, tr("Outside, on the right")},
        {Placement::Above, tr("Outside, above")},             {Placement::Hidden, tr("Hidden")}};
    for (const auto &[placement, text] : choices) {
        QAction *action = legendMenu->addAction(text, this, [this, placement = placement] { setPlacement(placement); });
        action->setCheckable(true);
        action->setChecked(m_placement == placement);
        group->addAction(action);
    }
    if (!m_hidden.isEmpty()) {
        legendMenu->addSeparator();
        legendMenu->addAction(tr("Show every series (%n hidden)", nullptr, int(m_hidden.size())), this, [this] {
            const QStringList names = hiddenSeries();
            for (const QString &name : names)
                setSeriesHidden(name, false);
        });
    }
}

} // namespace loupe
