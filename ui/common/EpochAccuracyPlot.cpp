#include "ui/common/EpochAccuracyPlot.h"

#include "ui/common/TrainCurves.h"

#include <algorithm>

namespace loupe {

EpochAccuracyPlot::EpochAccuracyPlot(QWidget *parent)
    : CurvePlot(tr("Accuracy per epoch"), tr("epoch"), tr("accuracy"), Scale::Linear, parent)
{
    setXTicks(XTicks::Integers);
    setLegendCorner(Qt::AlignBottom | Qt::AlignRight); // accuracy rises: the lower right stays free
    setExportName(QStringLiteral("accuracy-per-epoch"));
}

void EpochAccuracyPlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    bool regressionOnly = !curves.allRuns().isEmpty();
    for (const RunCurves *run : curves.allRuns()) {
        if (!run->classification)
            continue;
        regressionOnly = false;
        const QColor color = TrainCurves::colorFor(*run);
        const double width = run->live ? 2.0 : 1.3;
        series.append({tr("%1 · training").arg(run->label), run->epochs, run->accuracy, color, Qt::SolidLine, width,
                       true});
        series.append({tr("%1 · validation").arg(run->label), run->epochs, run->valAccuracy, color, Qt::DashLine,
                       width, true});
        series[series.size() - 2].tag = series.back().tag = run->storedRunId; // a click selects the run's epoch
    }
    setEmptyMessage(regressionOnly ? tr("Accuracy does not apply to regression") : tr("No data yet"));
    setXRangeHint(1.0, double(std::max(1, curves.epochSpan())));
    setSeries(std::move(series));
}

} // namespace loupe
