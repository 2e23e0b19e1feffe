#pragma once
// Keeps what a plot draws inside its frame, after every layout (on screen and in exports): the
// legend goes where PlotLegend places it (with room on the right when it is outside), and the axis
// rect leaves room for the tick labels at its ends (a "10⁰" at the right end of a log axis, the top
// label of the value axis), which QCustomPlot's own margins leave half outside.

#include <QMargins>
#include <QObject>

class QCPAxis;
class QCustomPlot;

namespace loupe {

class PlotLegend;

class PlotFrame : public QObject {
    Q_OBJECT
public:
    PlotFrame(QCustomPlot *plot, PlotLegend *legend);

    // The least margins around the axis rect; the frame adds what labels and the legend need.
    void setBaseMargins(const QMargins &margins) { m_base = margins; }

private:
    void fit();
    // Pixels the last visible tick label of a horizontal axis reaches beyond the axis rect's right side.
    static int rightOverhang(const QCPAxis *axis);
    // Pixels the highest visible tick label of a vertical axis reaches above the axis rect's top.
    static int topOverhang(const QCPAxis *axis);

    QCustomPlot *m_plot;
    PlotLegend *m_legend;
    QMargins m_base{0, 6, 6, 0};
    bool m_fitting = false;
};

} // namespace loupe
