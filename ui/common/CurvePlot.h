#pragma once
// A line plot of several named series (training curves and their overlays), with a title, axis
// labels, a legend, NaN values as gaps, and an optional logarithmic value axis
// (QCPAxisTickerLog; values <= 0 are left out there). Series marked `smoothed` follow the plot's
// smoothing slider (enableSmoothing(): PlotSmoothing's EMA with bias correction), their raw values
// faint behind. The specific training plots derive from it and only decide which series to show.
// Zoom, readout, legend, export and "copy data" come from PlotWidget.

#include "ui/common/PlotWidget.h"

#include <QColor>
#include <QString>
#include <QVector>

#include <optional>
#include <utility>

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
    // Shown in the middle while there are no points.
    void setEmptyMessage(const QString &message);
    QString title() const;
    // Long format: "series,x,y", one line per point; smoothed series also as "<name> (smoothed)".
    QString dataAsCsv() const override;

    // The [low, high] range of the finite (and, for a log axis, positive) values; nullopt if none.
    static std::optional<std::pair<double, double>> finiteRange(const QVector<QVector<double>> &values, Scale scale);

private:
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
};

} // namespace loupe
