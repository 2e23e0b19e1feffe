#pragma once
// A plot's legend as the user handles it: a click on an entry hides or shows that series (kept by
// name, so it stays hidden when the plot redraws with new data), and the legend sits where the user
// puts it (a corner, outside the plot on the right or above it, hidden) or, by default, where it
// hides no data: the plot's preferred corner, else the corner it is in, else another free corner,
// else outside (on the right, or above the plot when it is too wide for that). A legend that does
// not fit in the axis rect with room to spare goes outside too (it would cover the tick labels).
// place() decides after each layout (PlotFrame calls it); applyHidden() runs before each replot.

#include <QMargins>
#include <QObject>
#include <QPointF>
#include <QSet>
#include <QStringList>

class QCPAbstractPlottable;
class QCustomPlot;
class QMenu;

namespace loupe {

class PlotLegend : public QObject {
    Q_OBJECT
public:
    enum class Placement { Automatic, TopLeft, TopRight, BottomLeft, BottomRight, Outside, Above, Hidden };
    // A plottable with this property (a series name) hides and shows with that series (the raw
    // curve behind a smoothed one).
    static constexpr const char *kSeriesOf = "loupeSeriesOf";

    explicit PlotLegend(QCustomPlot *plot);

    void setPlacement(Placement placement);
    Placement placement() const { return m_placement; }
    // Where the legend is now: one of the corners, Outside, Above, or Hidden (also when the plot shows none).
    Placement currentPlacement() const;
    // The corner tried first (a plot's choice: accuracy rises, so its legend prefers the bottom right).
    void setPreferredCorner(Qt::Alignment corner) { m_preferred = corner; }

    // The series of the legend entry at `position` (widget pixels); empty when there is none.
    QString seriesAt(QPointF position) const;
    void toggleSeries(const QString &name);
    void setSeriesHidden(const QString &name, bool hidden);
    bool isSeriesHidden(const QString &name) const { return m_hidden.contains(name); }
    QStringList hiddenSeries() const;

    // "Legend" submenu: placements, and "Show every series" when some are hidden.
    void addActions(QMenu *menu);

    // Hides the plottables of hidden series and greys their entries (before each replot).
    void applyHidden();
    // Puts the legend in its place for the current layout; returns the room it needs around the axis
    // rect (right or top; none inside).
    QMargins place();
    // Once the axis rect moved (a new layout after place()), an outside legend follows its right side.
    void reposition();

Q_SIGNALS:
    void changed();

private:
    bool shows() const;
    int legendIndex() const;
    void putInCorner(Qt::Alignment corner);
    void putOutside(Placement side);
    QMargins room() const;
    int hiddenPointsAt(Qt::Alignment corner, double inflate) const;
    static QString seriesOf(const QCPAbstractPlottable *plottable);

    QCustomPlot *m_plot;
    Placement m_placement = Placement::Automatic;
    Qt::Alignment m_preferred = Qt::AlignTop | Qt::AlignRight;
    Qt::Alignment m_corner = Qt::AlignTop | Qt::AlignRight;
    bool m_outside = false;
    Placement m_side = Placement::Outside; // Outside (right) or Above, while m_outside
    QSet<QString> m_hidden;
};

} // namespace loupe
