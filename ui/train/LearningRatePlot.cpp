#include "ui/train/LearningRatePlot.h"

#include "ui/common/TrainCurves.h"

namespace loupe {

LearningRatePlot::LearningRatePlot(QWidget *parent)
    : CurvePlot(tr("Learning rate"), tr("step"), tr("learning rate"), Scale::Logarithmic, parent)
{
    setXTicks(XTicks::Integers);
    setExportName(QStringLiteral("learning-rate"));
    setWholeDecades(true);
}

void LearningRatePlot::showCurves(const TrainCurves &curves)
{
    QVector<CurveSeries> series;
    for (const RunCurves *run : curves.allRuns()) {
        series.append({run->label, run->steps, run->stepLearningRate, TrainCurves::colorFor(*run), Qt::SolidLine,
                       run->live ? 2.0 : 1.3, false});
    }
    setSeries(std::move(series));
}

} // namespace loupe
