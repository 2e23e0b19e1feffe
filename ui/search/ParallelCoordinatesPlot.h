#pragma once
// Parallel coordinates: one vertical axis per search parameter plus the loss, one line per
// completed trial, coloured by loss rank (dark = best; the best are drawn on top). Log-scaled
// parameters are spaced logarithmically, choices have one labelled position per option, and a
// line breaks where a conditional parameter is inactive.
//
// Brushing: drag vertically along an axis to select a range; lines outside any brush turn grey
// and brushChanged() reports the range in the parameter's raw units (the option index for
// choices), so the trials table can filter. A click on an axis without dragging clears its brush.
// Between the axes, a drag pans and a click on a line selects its trial (TrialPlot); the readout
// gives the trial, its value on the nearest axis and its loss. The parameter selected on the page
// (setSelectedParameter) has its axis drawn bold, in the highlight colour. With more than
// kDraftLines trials, a zoom or pan draws every n-th line (by loss rank, the best first) until the
// view is still again (PlotDraft), so the gesture keeps up with the mouse.
#include "ui/search/TrialPlot.h"

#include <QList>
#include <QMap>

#include <optional>
#include <utility>

class QCPAbstractItem;
class QCPItemRect;

namespace loupe {

class PlotDraft;

class ParallelCoordinatesPlot : public TrialPlot {
    Q_OBJECT
public:
    explicit ParallelCoordinatesPlot(QWidget *parent = nullptr);

    // Axes: 0 .. space().size()-1 are the parameters, space().size() is the loss.
    int axisCount() const { return space().size() + 1; }
    // Sets a brush programmatically, in normalised [0, 1] axis units. requires: low <= high.
    void setBrush(int axis, double low, double high);
    void clearBrushes();
    // Lines drawn in the last redraw, and how many of them pass every brush.
    int lineCount() const { return m_lineCount; }
    // The draft drawn while the user zooms or pans: at most this many lines.
    static constexpr int kDraftLines = 1500;
    PlotDraft *draft() const { return m_draft; }
    int selectedLineCount() const { return m_selectedCount; }
    // "number,<parameters...>,loss" with raw values, one line per completed trial.
    QString dataAsCsv() const override;

Q_SIGNALS:
    void brushChanged(int axis, double rawLow, double rawHigh);
    void brushCleared(int axis);

protected:
    void redraw() override;
    // The line nearest to the mouse (its segment between the axes around it), as its vertex on
    // the nearer of those axes.
    PlotPoint nearestPoint(QPointF position) const override;
    // A press near an axis starts a brush: no pan there.
    bool claimsPress(QPointF position) const override;
    // The trial, its value on the axis under the mouse, and its loss (raw values).
    QStringList readoutLines(const PlotPoint &point) const override;
    // The selected trial: its whole line, bold.
    void selectionShape(int number, QVector<QPointF> &marks, QVector<QPointF> &line) const override;
    void parameterSelectionChanged() override;

private:
    // Normalised [0, 1] position of a value on an axis; nullopt when inactive or not drawable.
    std::optional<double> position(const Trial &trial, int axis) const;
    double rawFromPosition(int axis, double position) const;
    // The axis a press at `position` (widget pixels) grabs for a brush; -1 when none.
    int axisNear(QPointF position) const;
    void updateAxisRanges();
    void drawAxes();
    void drawBrushes();
    void onMousePress(QMouseEvent *event);
    void onMouseMove(QMouseEvent *event);
    void onMouseRelease(QMouseEvent *event);

    // Per axis: the low/high of the values it shows (log space for log parameters).
    std::vector<std::pair<double, double>> m_ranges;
    QMap<int, std::pair<double, double>> m_brushes; // normalised units
    int m_dragAxis = -1;
    double m_dragStart = 0.0;
    QCPItemRect *m_dragRect = nullptr;
    QList<QCPAbstractItem *> m_items; // axis lines, labels and brush boxes of the last redraw
    PlotDraft *m_draft = nullptr;
    int m_lineCount = 0;
    int m_selectedCount = 0;
};

} // namespace loupe
