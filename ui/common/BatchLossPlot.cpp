#include "ui/common/BatchLossPlot.h"

#include "ui/common/TrainCurves.h"

namespace loupe {

BatchLossPlot::BatchLossPlot(QWidget *parent)
    : CurvePlot(tr("Batch loss"), tr("step"), tr("loss"), Scale::Logarithmic, parent)
{
    setXTicks(XTicks::Integers);
    setExportName(QStringLiteral("batch-loss"));
    enableSmoothing();
}

void BatchLossPlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    for (const RunCurves *run : curves.allRuns()) {
        CurveSeries loss{tr("%1 · batch loss").arg(run->label), run->steps, run->stepLoss, TrainCurves::colorFor(*run),
                         Qt::SolidLine, run->live ? 2.0 : 1.3, false};
        loss.smoothed = true;
        loss.tag = run->storedRunId; // a click selects the run's step
        series.append(std::move(loss));
    }
    setSeries(std::move(series));
}

} // namespace loupe
