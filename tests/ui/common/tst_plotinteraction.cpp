// Zoom and pan on every plot (PlotWidget + PlotInteraction), driven by synthetic wheel, mouse and key
// events: the wheel zooms around the mouse (per axis with Ctrl / Shift), in log space on a log axis;
// a drag pans; Shift+drag zooms to a box; double-click, 0 and "Reset view" restore the automatic
// range; + / - and the arrows zoom and pan; a live update keeps the user's view but moves the range
// a reset returns to.

#include "ui/common/CurvePlot.h"
#include "ui/common/PlotInteraction.h"

#include "tests/support/PlotEvents.h"

#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

CurveSeries line(const QString &name, int points, double slope, QColor color = Qt::blue)
{
    CurveSeries series;
    series.name = name;
    series.color = color;
    for (int i = 0; i < points; ++i) {
        series.x << i;
        series.y << 1.0 + slope * i;
    }
    return series;
}

QCPRange xRange(PlotWidget &plot)
{
    return plot.customPlot()->xAxis->range();
}

QCPRange yRange(PlotWidget &plot)
{
    return plot.customPlot()->yAxis->range();
}

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

} // namespace

class TestPlotInteraction : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wheelZoomsAroundTheMouse_data();
    void wheelZoomsAroundTheMouse();
    void logAxisZoomsInLogSpace();
    void dragPans();
    void shiftDragZoomsToTheBox();
    void resetRestoresTheAutomaticRange_data();
    void resetRestoresTheAutomaticRange();
    void keysZoomAndPan_data();
    void keysZoomAndPan();
    void liveUpdateKeepsTheUsersView();
    void scaleChangeEndsTheUsersView();
    void exportShowsTheZoomedView();
    void tooltipSaysWhatTheMouseAndKeysDo();
};

void TestPlotInteraction::wheelZoomsAroundTheMouse_data()
{
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("zoomsX");
    QTest::addColumn<bool>("zoomsY");
    QTest::newRow("both") << int(Qt::NoModifier) << true << true;
    QTest::newRow("ctrl: x only") << int(Qt::ControlModifier) << true << false;
    QTest::newRow("shift: y only") << int(Qt::ShiftModifier) << false << true;
}

void TestPlotInteraction::wheelZoomsAroundTheMouse()
{
    QFETCH(int, modifiers);
    QFETCH(bool, zoomsX);
    QFETCH(bool, zoomsY);
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    QVERIFY(showAt(plot));
    const QCPRange x0 = xRange(plot), y0 = yRange(plot);
    const QPointF mouse = middle(plot) + QPointF(60, -40);
    const double underX = plot.customPlot()->xAxis->pixelToCoord(mouse.x());
    const double underY = plot.customPlot()->yAxis->pixelToCoord(mouse.y());

    wheel(plot, mouse, 120, Qt::KeyboardModifiers(modifiers)); // one notch in: the span shrinks to 0.85
    QCOMPARE(near(xRange(plot).size(), zoomsX ? 0.85 * x0.size() : x0.size()), true);
    QCOMPARE(near(yRange(plot).size(), zoomsY ? 0.85 * y0.size() : y0.size()), true);
    // The value under the mouse stays under the mouse.
    QVERIFY(near(plot.customPlot()->xAxis->pixelToCoord(mouse.x()), underX, 1e-3));
    QVERIFY(near(plot.customPlot()->yAxis->pixelToCoord(mouse.y()), underY, 1e-3));
    QVERIFY(plot.isZoomed());

    wheel(plot, mouse, -120, Qt::KeyboardModifiers(modifiers)); // and out again
    QVERIFY(near(xRange(plot).size(), x0.size()));
    QVERIFY(near(yRange(plot).size(), y0.size()));
}

void TestPlotInteraction::logAxisZoomsInLogSpace()
{
    CurvePlot plot(QStringLiteral("Rate"), QStringLiteral("step"), QStringLiteral("rate"), CurvePlot::Scale::Logarithmic);
    CurveSeries rates = line(QStringLiteral("rate"), 50, 0.0);
    for (int i = 0; i < rates.y.size(); ++i)
        rates.y[i] = std::pow(10.0, -6.0 + 5.0 * i / 49.0); // 1e-6 .. 1e-1
    plot.setSeries({rates});
    QVERIFY(showAt(plot));
    const QCPRange before = yRange(plot);
    const QPointF mouse = middle(plot);
    const double under = plot.customPlot()->yAxis->pixelToCoord(mouse.y());
    wheel(plot, mouse, 240, Qt::ShiftModifier); // two notches, y only
    const QCPRange after = yRange(plot);
    // The number of decades shown shrinks by 0.85^2 and the rate under the mouse stays there.
    QVERIFY(near(std::log10(after.upper / after.lower), 0.85 * 0.85 * std::log10(before.upper / before.lower), 1e-6));
    QVERIFY(near(plot.customPlot()->yAxis->pixelToCoord(mouse.y()), under, 1e-6));
    QVERIFY(after.lower > 0.0);
}

void TestPlotInteraction::dragPans()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    QVERIFY(showAt(plot));
    const QCPRange x0 = xRange(plot), y0 = yRange(plot);
    const QPointF from = middle(plot);
    const QPointF to = from + QPointF(-80, 30);
    const double dx = plot.customPlot()->xAxis->pixelToCoord(from.x()) - plot.customPlot()->xAxis->pixelToCoord(to.x());
    const double dy = plot.customPlot()->yAxis->pixelToCoord(from.y()) - plot.customPlot()->yAxis->pixelToCoord(to.y());
    drag(plot, from, to);
    // Dragging to the left shows larger x; the span stays.
    QVERIFY(near(xRange(plot).lower, x0.lower + dx));
    QVERIFY(near(xRange(plot).upper, x0.upper + dx));
    QVERIFY(near(yRange(plot).lower, y0.lower + dy));
    QVERIFY(dx > 0.0);
    QVERIFY(plot.isZoomed());
}

void TestPlotInteraction::shiftDragZoomsToTheBox()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    QVERIFY(showAt(plot));
    const QPointF from = pixelOf(plot, 20, 30);
    const QPointF to = pixelOf(plot, 40, 10);
    drag(plot, from, to, Qt::ShiftModifier);
    QVERIFY2(near(xRange(plot).lower, 20, 0.02) && near(xRange(plot).upper, 40, 0.02),
             qPrintable(QStringLiteral("%1 .. %2").arg(xRange(plot).lower).arg(xRange(plot).upper)));
    QVERIFY(near(yRange(plot).lower, 10, 0.02) && near(yRange(plot).upper, 30, 0.02));
}

void TestPlotInteraction::resetRestoresTheAutomaticRange_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("double-click") << "double-click";
    QTest::newRow("key 0") << "0";
    QTest::newRow("context menu") << "menu";
}

void TestPlotInteraction::resetRestoresTheAutomaticRange()
{
    QFETCH(QString, how);
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    QVERIFY(showAt(plot));
    const QCPRange x0 = xRange(plot), y0 = yRange(plot);
    wheel(plot, middle(plot), 360);
    drag(plot, middle(plot), middle(plot) + QPointF(50, 50));
    QVERIFY(xRange(plot) != x0);
    if (how == QLatin1String("double-click")) {
        doubleClick(plot, middle(plot));
    } else if (how == QLatin1String("0")) {
        key(plot, Qt::Key_0);
    } else {
        std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
        QAction *reset = nullptr;
        for (QAction *action : menu->actions())
            if (action->text() == QStringLiteral("Reset view"))
                reset = action;
        QVERIFY(reset && reset->isEnabled());
        reset->trigger();
    }
    QCOMPARE(xRange(plot), x0);
    QCOMPARE(yRange(plot), y0);
    QVERIFY(!plot.isZoomed());
}

void TestPlotInteraction::keysZoomAndPan_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("spanFactor");
    QTest::addColumn<double>("xShift"); // in spans
    QTest::addColumn<double>("yShift");
    QTest::newRow("+") << int(Qt::Key_Plus) << 0.8 << 0.0 << 0.0;
    QTest::newRow("-") << int(Qt::Key_Minus) << 1.25 << 0.0 << 0.0;
    QTest::newRow("right") << int(Qt::Key_Right) << 1.0 << 0.1 << 0.0;
    QTest::newRow("left") << int(Qt::Key_Left) << 1.0 << -0.1 << 0.0;
    QTest::newRow("up") << int(Qt::Key_Up) << 1.0 << 0.0 << 0.1;
    QTest::newRow("down") << int(Qt::Key_Down) << 1.0 << 0.0 << -0.1;
}

void TestPlotInteraction::keysZoomAndPan()
{
    QFETCH(int, key);
    QFETCH(double, spanFactor);
    QFETCH(double, xShift);
    QFETCH(double, yShift);
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    QVERIFY(showAt(plot));
    const QCPRange x0 = xRange(plot), y0 = yRange(plot);
    plotevents::key(plot, Qt::Key(key));
    QVERIFY(near(xRange(plot).size(), spanFactor * x0.size()));
    QVERIFY(near(yRange(plot).size(), spanFactor * y0.size()));
    QVERIFY(near(xRange(plot).center(), x0.center() + xShift * x0.size()));
    QVERIFY(near(yRange(plot).center(), y0.center() + yShift * y0.size()));
}

void TestPlotInteraction::liveUpdateKeepsTheUsersView()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 51, 0.5)});
    QVERIFY(showAt(plot));
    wheel(plot, middle(plot), 240, Qt::ControlModifier); // x only
    const QCPRange zoomedX = xRange(plot);
    // The run goes on: twice the steps, higher values.
    plot.setSeries({line(QStringLiteral("a"), 101, 0.5)});
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(xRange(plot), zoomedX);       // the user's x stays
    QVERIFY(yRange(plot).upper > 50.0);    // y was never zoomed: it follows the data (1 .. 51)
    key(plot, Qt::Key_0);
    QVERIFY(xRange(plot).upper > 100.0);   // reset: the new automatic range, all 101 steps
}

void TestPlotInteraction::scaleChangeEndsTheUsersView()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 51, 0.5)});
    QVERIFY(showAt(plot));
    wheel(plot, middle(plot), 240);
    QVERIFY(plot.isZoomed());
    plot.customPlot()->yAxis->setScaleType(QCPAxis::stLogarithmic);
    plot.customPlot()->yAxis->setRange(1.0, 100.0);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(yRange(plot), QCPRange(1.0, 100.0)); // the plot's new range, not the old linear zoom
}

void TestPlotInteraction::exportShowsTheZoomedView()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({line(QStringLiteral("a"), 51, 0.5)});
    QVERIFY(showAt(plot));
    wheel(plot, middle(plot), 480);
    const QCPRange zoomed = xRange(plot);
    plot.setSeries({line(QStringLiteral("a"), 61, 0.5)}); // the plot sets its range; no replot yet
    QTemporaryDir dir;
    QVERIFY(plot.exportTo(dir.filePath(QStringLiteral("zoomed.png"))).isOk());
    QCOMPARE(xRange(plot), zoomed);
}

void TestPlotInteraction::tooltipSaysWhatTheMouseAndKeysDo()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    const QString help = plot.customPlot()->toolTip();
    for (const QString &part : {QStringLiteral("Wheel"), QStringLiteral("Drag"), QStringLiteral("Shift+drag"),
                                QStringLiteral("Double-click or 0"), QStringLiteral("+ / −"), QStringLiteral("arrows"),
                                QStringLiteral("legend")})
        QVERIFY2(help.contains(part), qPrintable(part));
}

QTEST_MAIN(TestPlotInteraction)
#include "tst_plotinteraction.moc"
