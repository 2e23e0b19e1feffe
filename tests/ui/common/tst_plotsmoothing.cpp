// The batch-loss smoothing (PlotSmoothing, CurvePlot): TensorBoard's exponential moving average with
// bias correction, non-finite values kept as gaps, the slider redrawing the smoothed curve with the
// raw one faint behind it, and the default equal to the run's stored smoothed loss (LossSmoother).

#include "ui/common/BatchLossPlot.h"
#include "ui/common/PlotSmoothing.h"
#include "ui/common/TrainCurves.h"

#include "core/lr/LossSmoother.h"

#include <QSlider>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace loupe;

namespace {

QVector<double> graphValues(const QCPGraph *graph)
{
    QVector<double> values;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

bool sameValues(const QVector<double> &a, const QVector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i)
        if (!(std::isnan(a[i]) && std::isnan(b[i])) && std::abs(a[i] - b[i]) > 1e-9)
            return false;
    return true;
}

} // namespace

class TestPlotSmoothing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void movingAverageWithBiasCorrection_data();
    void movingAverageWithBiasCorrection();
    void sliderRedrawsTheSmoothedCurve();
    void defaultIsTheStoredSmoothedLoss();
};

void TestPlotSmoothing::movingAverageWithBiasCorrection_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<double>("weight");
    QTest::addColumn<QVector<double>>("expected");
    const double nan = std::nan("");
    // last = w * last + (1 - w) * y; smoothed = last / (1 - w^n)
    QTest::newRow("w 0.5") << QVector<double>{1, 2, 3} << 0.5 << QVector<double>{1.0, 1.25 / 0.75, 2.125 / 0.875};
    QTest::newRow("w 0: raw") << QVector<double>{4, 1, 3} << 0.0 << QVector<double>{4, 1, 3};
    QTest::newRow("a gap stays a gap") << QVector<double>{1, nan, 3} << 0.5 << QVector<double>{1.0, nan, 1.75 / 0.75};
    QTest::newRow("constant stays constant") << QVector<double>{2, 2, 2, 2} << 0.9 << QVector<double>{2, 2, 2, 2};
}

void TestPlotSmoothing::movingAverageWithBiasCorrection()
{
    QFETCH(QVector<double>, values);
    QFETCH(double, weight);
    QFETCH(QVector<double>, expected);
    QVERIFY(sameValues(PlotSmoothing::smoothed(values, weight), expected));
}

void TestPlotSmoothing::sliderRedrawsTheSmoothedCurve()
{
    TrainCurves curves;
    curves.startLive(QStringLiteral("run 1"), 0, true, 1);
    QVector<BatchPoint> points;
    for (int step = 0; step < 50; ++step) {
        BatchPoint point;
        point.step = step;
        point.loss = 2.0 / (1 + step) + (step % 2 ? 0.3 : 0.0);
        point.learningRate = 1e-3;
        points << point;
    }
    curves.appendBatchPoints(points);
    BatchLossPlot plot;
    plot.showCurves(curves);
    QCustomPlot *custom = plot.customPlot();
    QCOMPARE(custom->graphCount(), 2);
    QCPGraph *raw = custom->graph(0);
    QCPGraph *smooth = custom->graph(1);
    QVERIFY(raw->pen().color().alpha() < 100); // faint, behind (drawn first), not in the legend
    QVERIFY(!custom->legend->hasItemWithPlottable(raw));
    QVector<double> losses;
    for (const BatchPoint &point : points)
        losses << point.loss;
    QVERIFY(sameValues(graphValues(raw), losses));

    plot.smoothing()->findChild<QSlider *>(QStringLiteral("smoothing"))->setValue(500);
    QCOMPARE(plot.smoothing()->weight(), 0.5);
    QVERIFY(sameValues(graphValues(custom->graph(1)), PlotSmoothing::smoothed(losses, 0.5)));
    plot.smoothing()->setWeight(0.0);
    QVERIFY(sameValues(graphValues(custom->graph(1)), losses));
    Q_UNUSED(smooth);
}

void TestPlotSmoothing::defaultIsTheStoredSmoothedLoss()
{
    QVector<double> losses{2.3, 2.1, 1.9, 2.0, 1.7, 1.6};
    LossSmoother smoother; // what a run stores as its smoothed loss
    QVector<double> stored;
    for (double loss : losses)
        stored << smoother.add(loss);
    QCOMPARE(PlotSmoothing::kDefaultWeight, 0.98);
    QVERIFY(sameValues(PlotSmoothing::smoothed(losses, PlotSmoothing::kDefaultWeight), stored));
}

QTEST_MAIN(TestPlotSmoothing)
#include "tst_plotsmoothing.moc"
