// The value under the mouse (PlotReadout, PlotValueFormat, PlotPointFinder): hovering shows the
// nearest point's series, key and value written the way its axis writes them (dates as dates,
// rates in scientific notation, categories by their full name), a crosshair through it, and
// nothing when no point is near; a click on a point emits pointSelected().

#include "ui/common/CurvePlot.h"
#include "ui/common/HistogramPlot.h"
#include "ui/common/PlotReadout.h"
#include "ui/common/PlotValueFormat.h"
#include "ui/learningrate/LrFinderPlot.h"

#include "tests/support/PlotEvents.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

CurveSeries series(const QString &name, QVector<double> x, QVector<double> y)
{
    CurveSeries line;
    line.name = name;
    line.x = std::move(x);
    line.y = std::move(y);
    line.color = Qt::blue;
    line.markers = true;
    return line;
}

} // namespace

class TestPlotReadout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hoverReadsTheNearestPoint();
    void nothingNearHidesTheReadout();
    void valuesReadLikeTheirAxis_data();
    void valuesReadLikeTheirAxis();
    void learningRatesReadInScientificNotation();
    void barsReadTheirFullLabel();
    void clickEmitsTheSelectedPoint();
};

void TestPlotReadout::hoverReadsTheNearestPoint()
{
    CurvePlot plot(QStringLiteral("Loss per epoch"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("training"), {1, 2, 3, 4}, {2.0, 1.25, 0.875, 0.5}),
                    series(QStringLiteral("validation"), {1, 2, 3, 4}, {2.5, 1.75, 1.5, 1.375})});
    QVERIFY(showAt(plot));
    hover(plot, pixelOf(plot, 3, 0.875) + QPointF(4, -3)); // a few pixels off the point
    QVERIFY(plot.readout()->isShown());
    QCOMPARE(plot.readout()->text(), QStringLiteral("training\nepoch: 3\nloss: 0.875"));
    QCOMPARE(plot.readout()->point().dataIndex, 2);
    hover(plot, pixelOf(plot, 2, 1.75));
    QCOMPARE(plot.readout()->text(), QStringLiteral("validation\nepoch: 2\nloss: 1.75"));
}

void TestPlotReadout::nothingNearHidesTheReadout()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("training"), {1, 10}, {1, 10})});
    QVERIFY(showAt(plot));
    hover(plot, pixelOf(plot, 1, 1));
    QVERIFY(plot.readout()->isShown());
    hover(plot, pixelOf(plot, 9, 2)); // far from both points
    QVERIFY(!plot.readout()->isShown());
    QCOMPARE(plot.readout()->text(), QString());
    // A drag hides it too.
    hover(plot, pixelOf(plot, 1, 1));
    drag(plot, pixelOf(plot, 1, 1), pixelOf(plot, 1, 1) + QPointF(40, 0));
    QVERIFY(!plot.readout()->isShown());
}

void TestPlotReadout::valuesReadLikeTheirAxis_data()
{
    QTest::addColumn<QString>("axis");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole number") << "linear" << 12345.0 << "12,345";
    QTest::newRow("fraction") << "linear" << 0.123456 << "0.1235";
    QTest::newRow("log, scientific ticks") << "log-e" << 0.00123 << "1.23e-03";
    QTest::newRow("log, general ticks") << "log-g" << 0.0123456 << "0.01235";
    QTest::newRow("date and time") << "datetime" << 1704112200.0 << "2024-01-01 12:30:00";
    QTest::newRow("date only") << "date" << 1704067200.0 << "2024-01-01";
    QTest::newRow("category") << "text" << 2.1 << "Bergen, west";
}

void TestPlotReadout::valuesReadLikeTheirAxis()
{
    QFETCH(QString, axis);
    QFETCH(double, value);
    QFETCH(QString, text);
    QCustomPlot plot;
    QCPAxis *x = plot.xAxis;
    x->setRange(0.0, 1.0);
    if (axis.startsWith(QLatin1String("log"))) {
        x->setScaleType(QCPAxis::stLogarithmic);
        x->setRange(1e-5, 1.0);
        x->setNumberFormat(axis.endsWith(QLatin1Char('e')) ? QStringLiteral("eb") : QStringLiteral("gb"));
    } else if (axis == QLatin1String("datetime") || axis == QLatin1String("date")) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setTimeZone(QTimeZone::utc());
        ticker->setDateTimeFormat(axis == QLatin1String("date") ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("MM-dd\nhh:mm"));
        x->setTicker(ticker);
    } else if (axis == QLatin1String("text")) {
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        ticker->addTick(1, QStringLiteral("Oslo"));
        ticker->addTick(2, QStringLiteral("Bergen, west"));
        x->setTicker(ticker);
    }
    QCOMPARE(PlotValueFormat::format(x, value), text);
}

void TestPlotReadout::learningRatesReadInScientificNotation()
{
    LrFinderPlot plot;
    LrFindResult result;
    result.mode = LrFindMode::OnePass;
    for (int i = 0; i <= 40; ++i) {
        const double rate = std::pow(10.0, -6.0 + i * 0.125);
        result.points.push_back({rate, 2.3 - 0.01 * i, 2.3 - 0.01 * i, false});
    }
    plot.setCurves({{QStringLiteral("one pass 10:00:00"), result}});
    QVERIFY(showAt(plot));
    hover(plot, pixelOf(plot, 1e-3, 2.3 - 0.01 * 24));
    QVERIFY(plot.readout()->isShown());
    QCOMPARE(plot.readout()->text(),
             QStringLiteral("one pass 10:00:00\nlearning rate: 1.00e-03\nloss: 2.06\nclick: train with this rate"));
}

void TestPlotReadout::barsReadTheirFullLabel()
{
    // Issue 14: categorical bar labels were cut without a way to read them.
    ColumnStats stats;
    stats.name = "merchant";
    stats.type = ColumnType::String;
    stats.rows = 10;
    stats.distinct = 2;
    const std::string longName = "The Very Long Merchant Name Corporation Ltd";
    stats.topValues = {{longName, 7}, {"Cafe", 3}};
    HistogramPlot plot;
    plot.showStats(stats);
    QVERIFY(showAt(plot));
    // The axis shows it shortened ...
    const auto ticker = plot.customPlot()->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker && ticker->ticks().value(1.0).endsWith(QStringLiteral("…")));
    // ... the readout in full, anywhere along its bar, even over its cut label left of the axis.
    const double barY = plot.customPlot()->yAxis->coordToPixel(1.0);
    hover(plot, QPointF(plot.customPlot()->axisRect()->rect().left() + 20, barY));
    QCOMPARE(plot.readout()->text(), QStringLiteral("merchant\n%1\nrows: 7 (70.0 %)").arg(QString::fromStdString(longName)));
    hover(plot, QPointF(plot.customPlot()->axisRect()->rect().left() - 30, barY));
    QVERIFY(plot.readout()->text().contains(QString::fromStdString(longName)));
}

void TestPlotReadout::clickEmitsTheSelectedPoint()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("training"), {1, 2, 3}, {3, 2, 1})});
    QVERIFY(showAt(plot));
    QSignalSpy selected(&plot, &PlotWidget::pointSelected);
    click(plot, pixelOf(plot, 2, 2));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.front().at(0).toString(), QStringLiteral("training"));
    QCOMPARE(selected.front().at(1).toDouble(), 2.0);
    QCOMPARE(selected.front().at(2).toDouble(), 2.0);
    click(plot, pixelOf(plot, 1, 1)); // nothing there
    QCOMPARE(selected.count(), 1);
}

QTEST_MAIN(TestPlotReadout)
#include "tst_plotreadout.moc"
