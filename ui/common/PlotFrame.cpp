#include "ui/common/PlotFrame.h"

#include "ui/common/PlotLegend.h"

#include <QFontMetrics>
#include <qcustomplot.h>

#include <algorithm>

namespace loupe {

namespace {

// How many pixels the tick labels inside the axis range reach past `end` at most (measure gives a
// label's far edge); 0 when none does.
template <typename Measure>
int overhang(const QCPAxis *axis, double end, Measure measure)
{
    if (!axis->visible() || !axis->tickLabels())
        return 0;
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    const QFontMetrics metrics(axis->tickLabelFont());
    int worst = 0;
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis->range().contains(ticks[i]))
            continue;
        const double pixel = axis->coordToPixel(ticks[i]);
        worst = std::max(worst, int(std::ceil(measure(pixel, metrics, labels[i]) - end)));
    }
    return worst;
}

} // namespace

PlotFrame::PlotFrame(QCustomPlot *plot, PlotLegend *legend) : QObject(plot), m_plot(plot), m_legend(legend)
{
    connect(plot, &QCustomPlot::afterLayout, this, &PlotFrame::fit);
}

int PlotFrame::rightOverhang(const QCPAxis *axis)
{
    const double end = axis->axisRect()->rect().right();
    return overhang(axis, end, [](double pixel, const QFontMetrics &metrics, const QString &label) {
        return pixel + metrics.horizontalAdvance(label) / 2.0;
    });
}

int PlotFrame::topOverhang(const QCPAxis *axis)
{
    const double end = -axis->axisRect()->rect().top();
    return overhang(axis, end, [](double pixel, const QFontMetrics &metrics, const QString &) {
        return -(pixel - metrics.height() / 2.0);
    });
}

void PlotFrame::fit()
{
    if (m_fitting)
        return;
    QCPAxisRect *rect = m_plot->axisRect();
    const QMargins legend = m_legend->place();
    QMargins wanted = m_base;
    wanted.setRight(std::max({m_base.right(), legend.right(), rightOverhang(m_plot->xAxis) + 4}));
    wanted.setTop(std::max(m_base.top(), legend.top()));
    if (m_plot->yAxis->tickLabelSide() == QCPAxis::lsOutside)
        wanted.setTop(std::max(wanted.top(), topOverhang(m_plot->yAxis) + 2));
    if (wanted == rect->minimumMargins())
        return;
    rect->setMinimumMargins(wanted);
    m_fitting = true;
    m_plot->plotLayout()->update(QCPLayoutElement::upPreparation);
    m_plot->plotLayout()->update(QCPLayoutElement::upMargins);
    m_plot->plotLayout()->update(QCPLayoutElement::upLayout);
    m_legend->reposition();
    m_fitting = false;
}

} // namespace loupe
