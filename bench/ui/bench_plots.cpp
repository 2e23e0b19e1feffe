// bench_plots: the event-loop stall of plot interactions on the largest plots Loupe draws.
//
// For each plot and interaction, the synthetic event is sent to the QCustomPlot (through its event
// filters, as a user's would be) and the event loop is then run until the replot it queued and the
// paint are done; the stall is the wall time from sending the event to the end of that paint, i.e.
// how long the UI thread could not do anything else. Each interaction runs `--repeat` times (the
// first, which fills caches, included); the median and the worst are printed, with QCustomPlot's
// own replot time. Prints one line per measurement and a JSON object with --json.
// Between kinds of interaction the event loop runs idle for half a second, so a plot that draws a
// draft while the user zooms or pans (PlotDraft) has drawn its full data again; that full redraw is
// measured on its own ("full redraw"): it is what the UI thread spends once a gesture ends.
//
// Plots: parallel coordinates of 10,000 random hartmann6 trials (7 axes), the histogram of a
// 1,000,000-row column (30 bins), the failure plot of a 1,000,000-row column (50,000 passing points
// drawn, 1,000 failing), the batch loss of a 100,000-step run with its smoothed curve.
// Usage: bench_plots [--repeat N] [--json]; QT_QPA_PLATFORM=offscreen or a display (Xvfb).

#include "ui/checks/FailurePlot.h"
#include "ui/common/BatchLossPlot.h"
#include "ui/common/HistogramPlot.h"
#include "ui/common/PlotInteraction.h"
#include "ui/common/PlotReadout.h"
#include "ui/common/TrainCurves.h"
#include "ui/search/ParallelCoordinatesPlot.h"

#include "core/checks/CheckRunResult.h"
#include "core/data/ColumnStats.h"
#include "core/data/Table.h"
#include "core/search/TestFunction.h"
#include "core/util/RandomGenerator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace loupe;

namespace {

struct Measurement {
    QString plot;
    QString interaction;
    double medianMs = 0.0;
    double worstMs = 0.0;
    double replotMs = 0.0;
};

// Runs the event loop until the plot has replotted and painted what `act` caused.
double stallMs(const std::function<void()> &act)
{
    QElapsedTimer timer;
    timer.start();
    act();
    // The queued replot runs on the next turn of the loop; its update() paints on the one after.
    for (int turn = 0; turn < 4; ++turn)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    const double ms = timer.nsecsElapsed() / 1e6;
    return ms;
}

Measurement measure(const QString &name, const QString &interaction, PlotWidget &plot, int repeat,
                    const std::function<void(int)> &act)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i)
        times.push_back(stallMs([&] { act(i); }));
    std::sort(times.begin(), times.end());
    return {name, interaction, times[times.size() / 2], times.back(), plot.customPlot()->replotTime(true)};
}

// Runs the event loop idle for `ms` (timers fire: a draft settles).
void idle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

void send(QWidget *widget, QEvent *event)
{
    QApplication::sendEvent(widget, event);
}

void mouse(QWidget *widget, QEvent::Type type, QPointF at, Qt::MouseButton button, Qt::MouseButtons buttons)
{
    QMouseEvent event(type, at, widget->mapToGlobal(at), button, buttons, Qt::NoModifier);
    send(widget, &event);
}

// Every interaction a user does, on one plot; `free` is a point inside the axis rect the plot does
// not claim (parallel coordinates: between two axes).
std::vector<Measurement> exercise(const QString &name, PlotWidget &plot, QPointF free, int repeat)
{
    QWidget *widget = plot.customPlot();
    std::vector<Measurement> results;
    results.push_back(measure(name, QStringLiteral("hover (readout)"), plot, repeat, [&](int i) {
        mouse(widget, QEvent::MouseMove, free + QPointF(i % 7, i % 5), Qt::NoButton, Qt::NoButton);
    }));
    idle(500);
    results.push_back(measure(name, QStringLiteral("wheel zoom"), plot, repeat, [&](int i) {
        QWheelEvent event(free, widget->mapToGlobal(free), QPoint(), QPoint(0, i % 2 ? -120 : 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        send(widget, &event);
    }));
    idle(500);
    mouse(widget, QEvent::MouseButtonPress, free, Qt::LeftButton, Qt::LeftButton);
    results.push_back(measure(name, QStringLiteral("drag pan (per move)"), plot, repeat, [&](int i) {
        mouse(widget, QEvent::MouseMove, free + QPointF(10 + 3 * i, 2 * (i % 4)), Qt::NoButton, Qt::LeftButton);
    }));
    mouse(widget, QEvent::MouseButtonRelease, free + QPointF(10 + 3 * repeat, 0), Qt::LeftButton, Qt::NoButton);
    idle(500);
    results.push_back(measure(name, QStringLiteral("key + / -"), plot, repeat, [&](int i) {
        QKeyEvent event(QEvent::KeyPress, i % 2 ? Qt::Key_Minus : Qt::Key_Plus, Qt::NoModifier);
        send(widget, &event);
    }));
    idle(500);
    results.push_back(measure(name, QStringLiteral("reset view"), plot, repeat, [&](int) {
        QKeyEvent zoom(QEvent::KeyPress, Qt::Key_Plus, Qt::NoModifier);
        send(widget, &zoom);
        QKeyEvent reset(QEvent::KeyPress, Qt::Key_0, Qt::NoModifier);
        send(widget, &reset);
    }));
    idle(500);
    results.push_back(measure(name, QStringLiteral("click (select)"), plot, repeat, [&](int i) {
        const QPointF at = free + QPointF(i % 3, 0);
        mouse(widget, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
        mouse(widget, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    }));
    idle(500);
    results.push_back(measure(name, QStringLiteral("full redraw"), plot, repeat, [&](int) {
        plot.customPlot()->replot(QCustomPlot::rpQueuedReplot);
    }));
    return results;
}

std::vector<Trial> randomTrials(const TestFunction &function, int count)
{
    RandomGenerator rng(7);
    std::vector<Trial> trials;
    trials.reserve(std::size_t(count));
    for (int n = 0; n < count; ++n) {
        TrialParams params(function.space().size());
        for (int p = 0; p < function.space().size(); ++p)
            params.set(p, function.space().parameter(p).distribution.sample(rng));
        trials.push_back({n, TrialState::Complete, params, function.value(params), {}, 0.0});
    }
    return trials;
}

Column millionValues(RandomGenerator &rng)
{
    Column column("amount", ColumnType::Float64);
    for (int row = 0; row < 1000000; ++row)
        column.appendDouble(std::exp(3.0 + 1.2 * rng.normal()));
    return column;
}

void show(PlotWidget &plot)
{
    plot.resize(900, 560);
    plot.show();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    int repeat = 15;
    if (const int at = int(args.indexOf(QStringLiteral("--repeat"))); at > 0 && at + 1 < args.size())
        repeat = std::max(1, args[at + 1].toInt());
    const bool json = args.contains(QStringLiteral("--json"));
    std::vector<Measurement> results;

    {
        auto function = TestFunction::create("hartmann6").takeValue();
        ParallelCoordinatesPlot plot;
        plot.setTrials(function->space(), randomTrials(*function, 10000));
        show(plot);
        const double x = plot.customPlot()->xAxis->coordToPixel(2.5);
        const double y = plot.customPlot()->yAxis->coordToPixel(0.5);
        for (auto &m : exercise(QStringLiteral("parallel coordinates, 10,000 trials"), plot, QPointF(x, y), repeat))
            results.push_back(m);
    }
    RandomGenerator rng(11);
    Table table;
    table.addColumn(millionValues(rng));
    {
        HistogramPlot plot;
        plot.showStats(computeColumnStats(table.column(0)));
        show(plot);
        for (auto &m : exercise(QStringLiteral("histogram, 1,000,000 rows"), plot, QRectF(plot.customPlot()->axisRect()->rect()).center(), repeat))
            results.push_back(m);
    }
    {
        CheckTestResult test;
        test.name = "amount below 400";
        test.status = CheckTestStatus::Failed;
        test.outcome.passed = false;
        test.outcome.columns = {"amount"};
        test.outcome.upperBound = 400.0;
        for (std::uint64_t row = 0; row < table.column(0).size() && test.outcome.failingRows.size() < 1000; ++row)
            if (table.column(0).numericAt(row) > 400.0)
                test.outcome.failingRows.push_back(row);
        FailurePlot plot;
        plot.showTest(table, test);
        show(plot);
        for (auto &m : exercise(QStringLiteral("failure plot, 1,000,000 rows"), plot, QRectF(plot.customPlot()->axisRect()->rect()).center(), repeat))
            results.push_back(m);
    }
    {
        TrainCurves curves;
        curves.startLive(QStringLiteral("run 1"), 0, true, 10);
        QVector<BatchPoint> points;
        for (int step = 1; step <= 100000; ++step)
            points.push_back({step, 2.0 * std::exp(-step / 20000.0) + 0.2 * rng.uniformDouble(), 0.0, 1e-3});
        curves.appendBatchPoints(points);
        BatchLossPlot plot;
        plot.showCurves(curves);
        show(plot);
        for (auto &m : exercise(QStringLiteral("batch loss, 100,000 steps"), plot, QRectF(plot.customPlot()->axisRect()->rect()).center(), repeat))
            results.push_back(m);
    }

    if (json) {
        std::printf("{\"platform\": \"%s\", \"repeat\": %d, \"results\": [", qPrintable(QGuiApplication::platformName()), repeat);
        for (std::size_t i = 0; i < results.size(); ++i)
            std::printf("%s{\"plot\": \"%s\", \"interaction\": \"%s\", \"median_ms\": %.2f, \"worst_ms\": %.2f, \"replot_ms\": %.2f}",
                        i ? ", " : "", qPrintable(results[i].plot), qPrintable(results[i].interaction), results[i].medianMs,
                        results[i].worstMs, results[i].replotMs);
        std::printf("]}\n");
        return 0;
    }
    std::printf("platform %s, %d repetitions each; stall = event sent -> replotted and painted\n",
                qPrintable(QGuiApplication::platformName()), repeat);
    std::printf("%-38s %-22s %10s %10s %12s\n", "plot", "interaction", "median ms", "worst ms", "replot avg");
    for (const Measurement &m : results)
        std::printf("%-38s %-22s %10.1f %10.1f %12.1f\n", qPrintable(m.plot), qPrintable(m.interaction), m.medianMs,
                    m.worstMs, m.replotMs);
    return 0;
}
