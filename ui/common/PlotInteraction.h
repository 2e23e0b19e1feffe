#pragma once
// Zoom and pan for every plot (PlotWidget installs one on its QCustomPlot):
//   wheel            zooms around the mouse (Ctrl: the x axis only, Shift: the y axis only)
//   drag             pans; Shift+drag draws a box and zooms to it
//   double-click, 0  back to the automatic range (also "Reset view" in the context menu)
//   + / -, arrows    zoom around the middle, pan by a tenth of the view
// Logarithmic axes zoom and pan in log space. A press the plot claims for itself (a brush on the
// parallel-coordinates plot) is left alone. A press and release without moving is a click.
//
// The view: each axis follows the range the plot sets (its automatic range) until the user zooms
// or pans it; from then on it keeps the user's range, while the plot's later ranges (a live run
// growing) are remembered as the automatic range that a reset returns to. A change of the axis
// scale (linear <-> log) ends the user's view of that axis. reconcile() applies this; it runs before
// every replot and before an export.

#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QRectF>

#include <array>
#include <functional>

#include <qcustomplot.h>

namespace loupe {

class PlotInteraction : public QObject {
    Q_OBJECT
public:
    explicit PlotInteraction(QCustomPlot *plot);

    // Which axes the user may zoom and pan (default both).
    void setOrientations(Qt::Orientations orientations) { m_orientations = orientations; }
    Qt::Orientations orientations() const { return m_orientations; }
    // What a press at a position (widget pixels) is for. Gesture: the plot's own (a brush), so no
    // pan, box or click; ClickOnly: a click but never a drag (a legend entry).
    enum class Claim { None, Gesture, ClickOnly };
    void setClaimTest(std::function<Claim(QPointF)> claims) { m_claims = std::move(claims); }

    // factor < 1 zooms in, around `center` (widget pixels), on the given axes.
    void zoom(double factor, QPointF center, Qt::Orientations orientations);
    // factor < 1 zooms in, around the middle of each axis' range (its geometric middle on a log axis).
    void zoomCentered(double factor);
    // Zooms to a rectangle in widget pixels (an axis whose side is under 5 pixels keeps its range).
    void zoomToRect(const QRectF &pixels);
    // Moves the view by fractions of its span; positive = towards larger values.
    void pan(double dx, double dy);
    // Every axis back to its automatic range.
    void resetView();
    // True while some axis shows a range the user chose.
    bool isZoomed() const;
    void reconcile();

Q_SIGNALS:
    void viewChanged();                                              // the user zoomed, panned or reset
    void hovered(QPointF position);                                  // the mouse moved, no button held
    void left();                                                     // the mouse left, or a drag began
    void clicked(QPointF position, Qt::KeyboardModifiers modifiers); // press and release in one place

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Drag { None, Pending, Pan, Box, Claimed, ClickOnly };
    struct AxisView {
        QPointer<QCPAxis> axis;
        QCPRange automatic;
        QCPRange user;
        QCPAxis::ScaleType scale = QCPAxis::stLinear;
        bool chosen = false; // the user's range is shown
    };

    bool onPress(QMouseEvent *event);
    void onMove(QMouseEvent *event);
    void onRelease(QMouseEvent *event);
    bool onKey(QKeyEvent *event);
    void onWheel(QWheelEvent *event);
    void panFromPress(QPointF now);
    void showBox(QPointF now);
    void hideBox();
    // The user set `view`'s axis to `range` (skipped when the range is degenerate or absurd).
    void choose(AxisView &view, QCPRange range);
    void userChanged();
    bool enabled(const AxisView &view) const;

    QCustomPlot *m_plot;
    std::array<AxisView, 2> m_views; // x, y
    Qt::Orientations m_orientations = Qt::Horizontal | Qt::Vertical;
    std::function<Claim(QPointF)> m_claims;
    Claim claimAt(QPointF position) const { return m_claims ? m_claims(position) : Claim::None; }
    Drag m_drag = Drag::None;
    QPointF m_pressPosition;
    std::array<QCPRange, 2> m_pressRanges;
    QPointer<QCPItemRect> m_box;
};

} // namespace loupe
