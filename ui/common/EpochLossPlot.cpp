#include "ui/common/EpochLossPlot.h"

#include "ui/common/TrainCurves.h"

#include <algorithm>

namespace loupe {

EpochLossPlot::EpochLossPlot(QWidget *parent)
    : CurvePlot(tr("Loss per epoch"), tr("epoch"), tr("loss"), Scale::Logarithmic, parent)
{
    setXTicks(XTicks::Integers);
    setExportName(QStringLiteral("loss-per-epoch"));
}

void EpochLossPlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    for (const RunCurves *run : curves.allRuns()) {
        const QColor color = TrainCurves::colorFor(*run);
        const double width = run->live ? 2.0 : 1.3;
        series.append({tr("%1 · training").arg(run->label), run->epochs, run->loss, color, Qt::SolidLine, width, true});
        series.append({tr("%1 · validation").arg(run->label), run->epochs, run->valLoss, color, Qt::DashLine, width,
                       true});
        series[series.size() - 2].tag = series.back().tag = run->storedRunId; // a click selects the run's epoch
    }
    setXRangeHint(1.0, double(std::max(1, curves.epochSpan())));
    setSeries(std::move(series));
}

} // namespace loupe
