// What a plot draws stays inside its frame (issue 14, item 4): a constant learning rate (a float
// 1e-3) is drawn clear of the axis edges, on screen and in the PNG export; a long title is shortened
// inside the plot and read in full from its tooltip; the tick label at the right end of a log axis
// ("10⁰" on the finder) and the snapshot labels are inside; the schedule preview pads its decades.

#include "ui/common/HistogramPlot.h"
#include "ui/common/PlotTitle.h"
#include "ui/common/TrainCurves.h"
#include "ui/learningrate/LrFinderPlot.h"
#include "ui/learningrate/SchedulePreviewPlot.h"
#include "ui/train/LearningRatePlot.h"

#include "tests/support/PlotEvents.h"

#include <QFontMetrics>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

// How many decades `value` lies inside the range [lower, upper] from its nearer end.
double decadesInside(const QCPRange &range, double value)
{
    return std::min(std::log10(value / range.lower), std::log10(range.upper / value));
}

} // namespace

class TestPlotFrame : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void constantRateIsClearOfTheEdges_data();
    void constantRateIsClearOfTheEdges();
    void longTitleStaysInside();
    void rightmostTickLabelIsInside();
    void scheduleDecadesArePadded_data();
    void scheduleDecadesArePadded();
};

void TestPlotFrame::constantRateIsClearOfTheEdges_data()
{
    QTest::addColumn<double>("rate");
    QTest::newRow("float 1e-3") << double(float(1e-3));
    QTest::newRow("0.01") << 0.01;
    QTest::newRow("9.9e-4") << 9.9e-4;
    QTest::newRow("5e-4") << 5e-4;
    QTest::newRow("1.0") << 1.0;
}

void TestPlotFrame::constantRateIsClearOfTheEdges()
{
    QFETCH(double, rate);
    TrainCurves curves;
    curves.startLive(QStringLiteral("run 1"), 0, true, 1);
    QVector<BatchPoint> points;
    for (int step = 1; step <= 30; ++step)
        points << BatchPoint{step, 1.0, 1.0, rate};
    curves.appendBatchPoints(points);
    LearningRatePlot plot;
    plot.showCurves(curves);
    QVERIFY(showAt(plot, QSize(360, 240)));
    QVERIFY2(decadesInside(plot.customPlot()->yAxis->range(), rate) >= 0.1,
             qPrintable(QStringLiteral("%1 in %2 .. %3").arg(rate).arg(plot.customPlot()->yAxis->range().lower)
                            .arg(plot.customPlot()->yAxis->range().upper)));
    // The export draws the same range, at its own size.
    QTemporaryDir dir;
    QVERIFY(plot.exportTo(dir.filePath(QStringLiteral("rate.png")), QSize(500, 300)).isOk());
    QVERIFY(decadesInside(plot.customPlot()->yAxis->range(), rate) >= 0.1);
    // In the image, the line's row is clear of the frame: find the rows holding the line colour.
    const QImage image(dir.filePath(QStringLiteral("rate.png")));
    QVERIFY(!image.isNull());
    const QColor line = TrainCurves::colorFor(curves.live());
    int lineRow = -1;
    for (int y = 0; y < image.height() && lineRow < 0; ++y) {
        int hits = 0;
        for (int x = 0; x < image.width(); ++x)
            hits += QColor(image.pixel(x, y)) == line ? 1 : 0;
        if (hits > image.width() / 3)
            lineRow = y;
    }
    QVERIFY(lineRow > 0);
    const double top = plot.customPlot()->yAxis->coordToPixel(plot.customPlot()->yAxis->range().upper) * 2.0;
    const double bottom = plot.customPlot()->yAxis->coordToPixel(plot.customPlot()->yAxis->range().lower) * 2.0;
    QVERIFY2(lineRow > top + 10 && lineRow < bottom - 10, qPrintable(QStringLiteral("row %1 between %2 and %3").arg(lineRow).arg(top).arg(bottom)));
}

void TestPlotFrame::longTitleStaysInside()
{
    ColumnStats stats;
    stats.name = "a_column_with_a_long_name_that_does_not_fit_a_narrow_plot";
    stats.type = ColumnType::Float64;
    stats.rows = 5;
    stats.hasNumeric = true;
    stats.histogram = {{0.0, 1.0, 2}, {1.0, 2.0, 3}};
    HistogramPlot plot;
    plot.showStats(stats);
    QVERIFY(plot.minimumSizeHint().width() < 300); // the title asks for no width
    QVERIFY(showAt(plot, QSize(260, 200)));
    auto *title = qobject_cast<PlotTitle *>(plot.customPlot()->plotLayout()->element(0, 0));
    QVERIFY(title);
    QVERIFY(title->isElided());
    QVERIFY(title->outerRect().right() <= plot.customPlot()->width());
    QVERIFY(title->text().contains(QString::fromStdString(stats.name)));
}

void TestPlotFrame::rightmostTickLabelIsInside()
{
    LrFinderPlot plot;
    LrFindResult result;
    result.mode = LrFindMode::OnePass;
    for (int i = 0; i <= 60; ++i)
        result.points.push_back({std::pow(10.0, -7.0 + i * 0.1), 2.3, 2.3, false}); // up to 1e-1
    plot.setCurves({{QStringLiteral("one pass"), result}});
    QVERIFY(showAt(plot, QSize(480, 300)));
    const QCPAxis *x = plot.customPlot()->xAxis;
    const QFontMetrics metrics(x->tickLabelFont());
    const QVector<double> ticks = x->tickVector();
    const QVector<QString> labels = x->tickVectorLabels();
    int checked = 0;
    for (int i = 0; i < ticks.size(); ++i) {
        if (!x->range().contains(ticks[i]))
            continue;
        const double right = x->coordToPixel(ticks[i]) + metrics.horizontalAdvance(labels[i]) / 2.0;
        QVERIFY2(right <= plot.customPlot()->width(), qPrintable(labels[i]));
        ++checked;
    }
    QVERIFY(checked > 3);
}

void TestPlotFrame::scheduleDecadesArePadded_data()
{
    QTest::addColumn<QVector<double>>("rates");
    QTest::newRow("0.1 constant") << QVector<double>{0.1, 0.1, 0.1};
    QTest::newRow("1e-3 to 1e-1") << QVector<double>{1e-1, 1e-2, 1e-3};
}

void TestPlotFrame::scheduleDecadesArePadded()
{
    QFETCH(QVector<double>, rates);
    SchedulePreviewPlot plot;
    plot.setScale(SchedulePreviewPlot::Scale::Logarithmic);
    plot.setRates(rates, QStringLiteral("epoch"));
    for (double rate : std::as_const(rates))
        QVERIFY(decadesInside(plot.customPlot()->yAxis->range(), rate) >= 0.1);
}

QTEST_MAIN(TestPlotFrame)
#include "tst_plotframe.moc"
