#include "ui/common/BatchLossPlot.h"

#include "ui/common/TrainCurves.h"

namespace loupe {

BatchLossPlot::BatchLossPlot(QWidget *parent)
    : CurvePlot(tr("Smoothed batch loss"), tr("step"), tr("loss"), Scale::Logarithmic, parent)
{
    setXTicks(XTicks::Integers);
    setExportName(QStringLiteral("batch-loss"));
}

void BatchLossPlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    for (const RunCurves *run : curves.allRuns()) {
        const QColor color = TrainCurves::colorFor(*run);
        if (run->live) {
            QColor faint = color;
            faint.setAlpha(60);
            series.append({tr("%1 · batch").arg(run->label), run->steps, run->stepLoss, faint, Qt::SolidLine, 1.0,
                           false});
        }
        series.append({tr("%1 · smoothed").arg(run->label), run->steps, run->smoothedLoss, color, Qt::SolidLine,
                       run->live ? 2.0 : 1.3, false});
    }
    setSeries(std::move(series));
}

} // namespace loupe
