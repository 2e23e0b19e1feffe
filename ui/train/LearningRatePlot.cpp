#include "ui/train/LearningRatePlot.h"

#include "ui/common/TrainCurves.h"

#include <qcustomplot.h>

namespace loupe {

LearningRatePlot::LearningRatePlot(QWidget *parent)
    : CurvePlot(tr("Learning rate"), tr("step"), tr("learning rate"), Scale::Logarithmic, parent)
{
    setXTicks(XTicks::Integers);
    setExportName(QStringLiteral("learning-rate"));
    setWholeDecades(true);
    customPlot()->yAxis->setNumberFormat(QStringLiteral("eb")); // rates read as 10^-3, and 1.00e-03 in the readout
    customPlot()->yAxis->setNumberPrecision(0);
}

void LearningRatePlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    for (const RunCurves *run : curves.allRuns()) {
        series.append({run->label, run->steps, run->stepLearningRate, TrainCurves::colorFor(*run), Qt::SolidLine,
                       run->live ? 2.0 : 1.3, false});
        series.back().tag = run->storedRunId; // a click selects the run's step
    }
    setSeries(std::move(series));
}

} // namespace loupe
