#pragma once
// A line plot of several named series (training curves and their overlays), with a title, axis
// labels, a legend, NaN values as gaps, and an optional logarithmic value axis
// (QCPAxisTickerLog; values <= 0 are left out there). Series marked `smoothed` follow the plot's
// smoothing slider (enableSmoothing(): PlotSmoothing's EMA with bias correction), their raw values
// faint behind. The specific training plots derive from it and only decide which series to show.
// Zoom, readout, legend, export and "copy data" come from PlotWidget. A series may stand for
// something (its `tag`, e.g. a run id): a click on one of its points emits seriesPointClicked(tag, x),
// and setSelection(tag, x) rings the point at x of every series with that tag, kept across setSeries().

#include "ui/common/PlotWidget.h"

#include <QColor>
#include <QHash>
#include <QString>
#include <QVector>

#include <optional>
#include <utility>

class QCPAbstractPlottable;
class QCPGraph;
class QCPItemText;

namespace loupe {

class PlotSmoothing;
class PlotTitle;

struct CurveSeries {
    QString name;
    QVector<double> x;
    QVector<double> y;
    QColor color;
    Qt::PenStyle style = Qt::SolidLine;
    double width = 1.5;
    bool markers = false; // a small circle at each point (for per-epoch curves)
    bool smoothed = false; // drawn smoothed by the plot's slider, the raw values faint behind
    qint64 tag = -1;       // what the series stands for (a run id); -1: nothing, a click selects nothing
};

class CurvePlot : public PlotWidget {
    Q_OBJECT
public:
    enum class Scale { Linear, Logarithmic };
    enum class XTicks { Automatic, Integers };

    CurvePlot(const QString &title, const QString &xLabel, const QString &yLabel, Scale yScale,
              QWidget *parent = nullptr);

    // Replaces every series and rescales the axes to the data; replots on the next event loop turn.
    void setSeries(QVector<CurveSeries> series);
    const QVector<CurveSeries> &series() const { return m_series; }
    int seriesCount() const { return int(m_series.size()); }
    // Finite points drawn over all series (points left out of a log axis do not count).
    int pointCount() const;
    Scale yScale() const { return m_yScale; }
    void setXTicks(XTicks ticks);
    // The x axis shows at least [low, high] (e.g. every planned epoch of a live run); low > high
    // clears the hint. Takes effect at the next setSeries().
    void setXRangeHint(double low, double high);
    // Log axis only: widen the value range to whole decades, each value at least a tenth of a decade
    // from the frame (for nearly flat series such as a constant learning rate, whose labels would
    // otherwise be crowded sub-decade ticks).
    void setWholeDecades(bool wholeDecades) { m_wholeDecades = wholeDecades; }
    // Shows the smoothing slider under the plot; series marked `smoothed` follow it.
    void enableSmoothing();
    PlotSmoothing *smoothing() const { return m_smoothing; }
    // Rings the point nearest to x (within half a unit) of each series tagged `tag`; clearSelection()
    // removes the rings.
    void setSelection(qint64 tag, double x);
    void clearSelection();
    bool hasSelection() const { return m_hasSelection; }
    qint64 selectedTag() const { return m_selectedTag; }
    double selectedX() const { return m_selectedX; }
    // Shown in the middle while there are no points.
    void setEmptyMessage(const QString &message);
    QString title() const;
    // Long format: "series,x,y", one line per point; smoothed series also as "<name> (smoothed)".
    QString dataAsCsv() const override;

    // The [low, high] range of the finite (and, for a log axis, positive) values; nullopt if none.
    static std::optional<std::pair<double, double>> finiteRange(const QVector<QVector<double>> &values, Scale scale);

Q_SIGNALS:
    // The user clicked the point at x of a series tagged `tag` (>= 0).
    void seriesPointClicked(qint64 tag, double x);

protected:
    void pointClicked(const PlotPoint &point) override;

private:
    void showSelection();
    void rescale();
    void rebuildGraphs();
    QCPGraph *addCurve(const CurveSeries &line, const QVector<double> &values);
    double smoothingWeight() const;

    QVector<CurveSeries> m_series;
    Scale m_yScale;
    PlotTitle *m_title = nullptr;
    PlotSmoothing *m_smoothing = nullptr;
    QCPItemText *m_message = nullptr;
    QString m_emptyMessage;
    bool m_wholeDecades = false;
    double m_hintLow = 1.0;
    double m_hintHigh = 0.0;
    QHash<const QCPAbstractPlottable *, int> m_seriesOf; // graph -> index in m_series (raw curves too)
    bool m_hasSelection = false;
    qint64 m_selectedTag = -1;
    double m_selectedX = 0.0;
};

} // namespace loupe
