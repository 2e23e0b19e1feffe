// The legend of every plot (PlotLegend, PlotFrame): a click on an entry hides or shows its series
// (kept across redraws, the raw curve behind a smoothed one follows), and the legend goes where it
// hides no data (the preferred corner, another free corner, else outside on the right), or where
// the user puts it from the context menu.

#include "ui/common/CurvePlot.h"
#include "ui/common/PlotLegend.h"
#include "ui/common/PlotPointFinder.h"
#include "ui/common/PlotReadout.h"
#include "ui/common/PlotSmoothing.h"

#include "tests/support/PlotEvents.h"

#include <QMenu>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

CurveSeries series(const QString &name, QVector<double> x, QVector<double> y, QColor color = Qt::blue)
{
    CurveSeries line;
    line.name = name;
    line.x = std::move(x);
    line.y = std::move(y);
    line.color = color;
    line.markers = true;
    return line;
}

QPointF entryCenter(PlotWidget &plot, const QString &name)
{
    QCPLegend *legend = plot.customPlot()->legend;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(legend->item(i)); item && item->plottable()->name() == name)
            return QRectF(item->rect()).center();
    return {};
}

QList<QCPAbstractPlottable *> plottablesNamed(PlotWidget &plot, const QString &name)
{
    QList<QCPAbstractPlottable *> found;
    for (int i = 0; i < plot.customPlot()->plottableCount(); ++i)
        if (plot.customPlot()->plottable(i)->name() == name)
            found << plot.customPlot()->plottable(i);
    return found;
}

int pointsUnderLegend(PlotWidget &plot)
{
    return PlotPointFinder::countInside(*plot.customPlot(), QRectF(plot.customPlot()->legend->outerRect()), 1000);
}

} // namespace

class TestPlotLegend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clickOnAnEntryHidesAndShowsItsSeries();
    void hiddenSeriesStaysHiddenAfterARedraw();
    void rawCurveHidesWithItsSmoothedSeries();
    void legendGoesWhereItHidesNoData_data();
    void legendGoesWhereItHidesNoData();
    void legendGoesOutsideWhenEveryCornerHasData();
    void oneEpochCurvesAreNotHidden();
    void oneEpochLogLossIsNotHidden();
    void userPlacementWins();
    void contextMenuMovesAndHidesTheLegend();
};

void TestPlotLegend::clickOnAnEntryHidesAndShowsItsSeries()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("training"), {1, 2, 3}, {3, 2, 1}),
                    series(QStringLiteral("validation"), {1, 2, 3}, {3.5, 2.5, 2}, Qt::red)});
    QVERIFY(showAt(plot));
    const QPointF entry = entryCenter(plot, QStringLiteral("validation"));
    QVERIFY(!entry.isNull());
    QCOMPARE(plot.legend()->seriesAt(entry), QStringLiteral("validation"));
    click(plot, entry);
    QVERIFY(plot.legend()->isSeriesHidden(QStringLiteral("validation")));
    QCOMPARE(plot.legend()->hiddenSeries(), QStringList{QStringLiteral("validation")});
    QVERIFY(!plottablesNamed(plot, QStringLiteral("validation")).front()->visible());
    QVERIFY(plottablesNamed(plot, QStringLiteral("training")).front()->visible());
    // A hidden series is not read: hovering its point finds nothing there.
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    hover(plot, pixelOf(plot, 3, 2));
    QVERIFY(!plot.readout()->isShown() || plot.readout()->point().series != QStringLiteral("validation"));
    click(plot, entryCenter(plot, QStringLiteral("validation")));
    QVERIFY(!plot.legend()->isSeriesHidden(QStringLiteral("validation")));
    QVERIFY(plottablesNamed(plot, QStringLiteral("validation")).front()->visible());
}

void TestPlotLegend::hiddenSeriesStaysHiddenAfterARedraw()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("a"), {1, 2}, {1, 2}), series(QStringLiteral("b"), {1, 2}, {2, 1})});
    QVERIFY(showAt(plot));
    plot.legend()->setSeriesHidden(QStringLiteral("b"), true);
    plot.setSeries({series(QStringLiteral("a"), {1, 2, 3}, {1, 2, 3}), series(QStringLiteral("b"), {1, 2, 3}, {3, 2, 1})});
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(!plottablesNamed(plot, QStringLiteral("b")).front()->visible());
    QVERIFY(plottablesNamed(plot, QStringLiteral("a")).front()->visible());
}

void TestPlotLegend::rawCurveHidesWithItsSmoothedSeries()
{
    CurvePlot plot(QStringLiteral("Batch loss"), QStringLiteral("step"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.enableSmoothing();
    CurveSeries loss = series(QStringLiteral("run 1 · batch loss"), {0, 1, 2, 3}, {4, 3, 3.5, 2});
    loss.smoothed = true;
    plot.setSeries({loss});
    QVERIFY(showAt(plot));
    QCOMPARE(plot.customPlot()->plottableCount(), 2); // raw + smoothed
    QCOMPARE(plot.customPlot()->legend->itemCount(), 1);
    click(plot, entryCenter(plot, loss.name));
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    for (int i = 0; i < plot.customPlot()->plottableCount(); ++i)
        QVERIFY(!plot.customPlot()->plottable(i)->visible());
}

void TestPlotLegend::legendGoesWhereItHidesNoData_data()
{
    // Points along a line; the legend prefers the top right.
    QTest::addColumn<QVector<double>>("y");
    QTest::addColumn<int>("expected");
    QTest::newRow("falling: top right is free") << QVector<double>{10, 8, 6, 4, 2, 0} << int(PlotLegend::Placement::TopRight);
    QTest::newRow("rising: top left is free") << QVector<double>{0, 2, 4, 6, 8, 10} << int(PlotLegend::Placement::TopLeft);
}

void TestPlotLegend::legendGoesWhereItHidesNoData()
{
    QFETCH(QVector<double>, y);
    QFETCH(int, expected);
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("a long series name for a wide legend"), {0, 1, 2, 3, 4, 5}, y)});
    QVERIFY(showAt(plot));
    QCOMPARE(int(plot.legend()->currentPlacement()), expected);
    QCOMPARE(pointsUnderLegend(plot), 0);
}

void TestPlotLegend::legendGoesOutsideWhenEveryCornerHasData()
{
    // The Checks outlier and one-epoch curves: points near every corner.
    CurvePlot plot(QStringLiteral("Accuracy"), QStringLiteral("epoch"), QStringLiteral("accuracy"), CurvePlot::Scale::Linear);
    plot.setLegendCorner(Qt::AlignBottom | Qt::AlignRight);
    CurveSeries corners = series(QStringLiteral("training"), {0, 0, 10, 10, 5}, {0, 10, 0, 10, 5});
    plot.setSeries({corners, series(QStringLiteral("validation"), {5}, {5.5}, Qt::red)});
    QVERIFY(showAt(plot, QSize(420, 260)));
    QCOMPARE(plot.legend()->currentPlacement(), PlotLegend::Placement::Outside);
    QCOMPARE(pointsUnderLegend(plot), 0);
    // It sits right of the axis rect, inside the widget.
    const QRect legend = plot.customPlot()->legend->outerRect();
    QVERIFY2(legend.left() >= plot.customPlot()->axisRect()->rect().right(), qPrintable(QStringLiteral("legend %1,%2 %3x%4 axis rect right %5 margins %6").arg(legend.left()).arg(legend.top()).arg(legend.width()).arg(legend.height()).arg(plot.customPlot()->axisRect()->rect().right()).arg(plot.customPlot()->axisRect()->margins().right())));
    QVERIFY2(legend.right() <= plot.customPlot()->width(), qPrintable(QStringLiteral("%1 > %2").arg(legend.right()).arg(plot.customPlot()->width())));
}

void TestPlotLegend::oneEpochCurvesAreNotHidden()
{
    // Issue 14: after a one-epoch run the accuracy legend covered the validation point.
    CurvePlot plot(QStringLiteral("Accuracy per epoch"), QStringLiteral("epoch"), QStringLiteral("accuracy"),
                   CurvePlot::Scale::Linear);
    plot.setXTicks(CurvePlot::XTicks::Integers);
    plot.setLegendCorner(Qt::AlignBottom | Qt::AlignRight);
    plot.setXRangeHint(1.0, 1.0);
    plot.setSeries({series(QStringLiteral("run 3 · chapter-mlp · training"), {1}, {0.815}),
                    series(QStringLiteral("run 3 · chapter-mlp · validation"), {1}, {0.79}, Qt::red)});
    QVERIFY(showAt(plot, QSize(280, 200)));
    QCOMPARE(pointsUnderLegend(plot), 0);
    // Wider than the axis rect allows: outside, above the plot, without covering the tick labels.
    QCOMPARE(plot.legend()->currentPlacement(), PlotLegend::Placement::Above);
    QVERIFY(plot.customPlot()->legend->outerRect().bottom() < plot.customPlot()->axisRect()->rect().top());
    QVERIFY(plot.customPlot()->legend->outerRect().left() >= 0);
}

void TestPlotLegend::oneEpochLogLossIsNotHidden()
{
    // Seen at 1280x720 after a one-epoch run: the loss legend sat in the top-right corner over the
    // validation point, which lay in the inset margin between the legend's size and its place.
    CurvePlot plot(QStringLiteral("Loss per epoch"), QStringLiteral("epoch"), QStringLiteral("loss"),
                   CurvePlot::Scale::Logarithmic);
    plot.setXTicks(CurvePlot::XTicks::Integers);
    plot.setXRangeHint(1.0, 1.0);
    plot.setSeries({series(QStringLiteral("run 20 · chapter-mlp · training"), {1}, {0.44}),
                    series(QStringLiteral("run 20 · chapter-mlp · validation"), {1}, {0.55}, Qt::red)});
    QVERIFY(showAt(plot, QSize(378, 195)));
    QCOMPARE(pointsUnderLegend(plot), 0);
}

void TestPlotLegend::userPlacementWins()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("a"), {0, 1, 2}, {0, 1, 2})});
    QVERIFY(showAt(plot));
    plot.legend()->setPlacement(PlotLegend::Placement::BottomRight);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(plot.legend()->currentPlacement(), PlotLegend::Placement::BottomRight);
    plot.legend()->setPlacement(PlotLegend::Placement::Hidden);
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(!plot.customPlot()->legend->realVisibility());
    QCOMPARE(plot.legend()->seriesAt(entryCenter(plot, QStringLiteral("a"))), QString());
}

void TestPlotLegend::contextMenuMovesAndHidesTheLegend()
{
    CurvePlot plot(QStringLiteral("Loss"), QStringLiteral("epoch"), QStringLiteral("loss"), CurvePlot::Scale::Linear);
    plot.setSeries({series(QStringLiteral("a"), {0, 1, 2}, {0, 1, 2})});
    std::unique_ptr<QMenu> menu(plot.createContextMenu(nullptr));
    QMenu *legendMenu = nullptr;
    for (QAction *action : menu->actions())
        if (action->menu() && action->text() == QStringLiteral("Legend"))
            legendMenu = action->menu();
    QVERIFY(legendMenu);
    QStringList texts;
    for (QAction *action : legendMenu->actions())
        texts << action->text();
    QCOMPARE(texts, (QStringList{QStringLiteral("Where it hides no data"), QStringLiteral("Top left"), QStringLiteral("Top right"),
                                 QStringLiteral("Bottom left"), QStringLiteral("Bottom right"),
                                 QStringLiteral("Outside, on the right"), QStringLiteral("Outside, above"),
                                 QStringLiteral("Hidden")}));
    legendMenu->actions().at(5)->trigger();
    QCOMPARE(plot.legend()->placement(), PlotLegend::Placement::Outside);
}

QTEST_MAIN(TestPlotLegend)
#include "tst_plotlegend.moc"
