// PlotDraft on the parallel coordinates (issue 25, responsiveness): with more than kDraftLines trials,
// a wheel notch or a drag draws the draft (every n-th line, at most kDraftLines) instead of every line,
// and once the view is still the full lines are drawn again; a click during the draft still selects
// a trial from all the lines; hidden series hide their draft too. Few trials: no draft.

#include "ui/common/PlotDraft.h"
#include "ui/common/PlotLegend.h"
#include "ui/search/ParallelCoordinatesPlot.h"

#include "core/search/TestFunction.h"
#include "core/util/RandomGenerator.h"

#include "tests/support/PlotEvents.h"

#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

std::vector<Trial> randomTrials(const TestFunction &function, int count)
{
    RandomGenerator rng(3);
    std::vector<Trial> trials;
    for (int n = 0; n < count; ++n) {
        TrialParams params(function.space().size());
        for (int p = 0; p < function.space().size(); ++p)
            params.set(p, function.space().parameter(p).distribution.sample(rng));
        Trial trial;
        trial.number = n;
        trial.state = TrialState::Complete;
        trial.params = params;
        trial.loss = function.value(params);
        trials.push_back(trial);
    }
    return trials;
}

// Lines drawn on `layer`: each line is axisCount() points and a NaN break.
int linesOn(const ParallelCoordinatesPlot &plot, const QCPLayer *layer)
{
    int lines = 0;
    for (int i = 0; i < plot.customPlot()->plottableCount(); ++i)
        if (auto *curve = qobject_cast<QCPCurve *>(plot.customPlot()->plottable(i)); curve && curve->layer() == layer)
            lines += curve->dataCount() / (plot.axisCount() + 1);
    return lines;
}

} // namespace

class TestPlotDraft : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void manyTrialsDrawADraftWhileZooming_data();
    void manyTrialsDrawADraftWhileZooming();
    void clickDuringTheDraftSelectsFromAllLines();
    void fewTrialsDrawNoDraft();
};

void TestPlotDraft::manyTrialsDrawADraftWhileZooming_data()
{
    QTest::addColumn<bool>("drag");
    QTest::newRow("wheel") << false;
    QTest::newRow("drag") << true;
}

void TestPlotDraft::manyTrialsDrawADraftWhileZooming()
{
    QFETCH(bool, drag);
    auto function = TestFunction::create("hartmann6").takeValue();
    ParallelCoordinatesPlot plot;
    plot.setTrials(function->space(), randomTrials(*function, 4000));
    QVERIFY(showAt(plot, QSize(900, 500)));
    PlotDraft *draft = plot.draft();
    QVERIFY(draft->isEnabled());
    QCOMPARE(linesOn(plot, draft->fullLayer()), 4000);
    const int drafted = linesOn(plot, draft->draftLayer());
    QVERIFY2(drafted > 0 && drafted <= ParallelCoordinatesPlot::kDraftLines, qPrintable(QString::number(drafted)));
    QVERIFY(!draft->isDrafting());

    const QPointF between = pixelOf(plot, 2.5, 0.5);
    if (drag)
        plotevents::drag(plot, between, between + QPointF(40, 10));
    else
        wheel(plot, between, 120);
    QVERIFY(plot.isZoomed());
    QVERIFY(draft->isDrafting());
    QVERIFY(!draft->fullLayer()->visible());
    QVERIFY(draft->draftLayer()->visible());
    QSignalSpy settled(draft, &PlotDraft::settled);
    QVERIFY(settled.wait(5000));
    QVERIFY(!draft->isDrafting());
    QVERIFY(draft->fullLayer()->visible());
    QVERIFY(!draft->draftLayer()->visible());

    // A series hidden in the legend hides its draft too.
    const QString best = plot.customPlot()->plottable(1)->name();
    plot.legend()->setSeriesHidden(best, true);
    for (int i = 0; i < plot.customPlot()->plottableCount(); ++i) {
        QCPAbstractPlottable *plottable = plot.customPlot()->plottable(i);
        if (plottable->property(PlotLegend::kSeriesOf).toString() == best)
            QVERIFY(!plottable->visible());
    }
}

void TestPlotDraft::clickDuringTheDraftSelectsFromAllLines()
{
    auto function = TestFunction::create("hartmann6").takeValue();
    ParallelCoordinatesPlot plot;
    const std::vector<Trial> trials = randomTrials(*function, 3000);
    plot.setTrials(function->space(), trials);
    QVERIFY(showAt(plot, QSize(900, 500)));
    wheel(plot, pixelOf(plot, 2.5, 0.5), 120);
    QVERIFY(plot.draft()->isDrafting());
    plot.customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    // The point the picker finds among all 3,000 lines, even those the draft leaves out.
    const QPointF at = pixelOf(plot, 2.5, 0.5);
    const PlotPoint point = plot.pointAt(at);
    QVERIFY(point.isValid());
    QVERIFY(plot.trialAt(point) >= 0);
    QVERIFY(plot.draft()->isDrafting());
    click(plot, at);
    QCOMPARE(plot.selectedTrial(), plot.trialAt(point));
}

void TestPlotDraft::fewTrialsDrawNoDraft()
{
    auto function = TestFunction::create("hartmann6").takeValue();
    ParallelCoordinatesPlot plot;
    plot.setTrials(function->space(), randomTrials(*function, ParallelCoordinatesPlot::kDraftLines));
    QVERIFY(showAt(plot, QSize(900, 500)));
    QVERIFY(!plot.draft()->isEnabled());
    QCOMPARE(linesOn(plot, plot.draft()->draftLayer()), 0);
    wheel(plot, pixelOf(plot, 2.5, 0.5), 120);
    QVERIFY(plot.isZoomed());
    QVERIFY(!plot.draft()->isDrafting());
}

QTEST_MAIN(TestPlotDraft)
#include "tst_plotdraft.moc"
