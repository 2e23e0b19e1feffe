// Linked selection on the Search page's results (TrialPlot, SearchResultsPanel): a click on a trial's
// point (history, slice, EDF) or line (parallel coordinates, between the axes) selects its row in
// the trials table and emits trialActivated (the page then shows its curves); the selected trial is
// ringed, or drawn bold, in every plot; the table's current row does the same; a new study clears it.
// The readout names the trial. A click on an importance bar selects its parameter: the slice plot
// shows it, its bar is ringed and the parallel coordinates mark its axis.

#include "ui/search/EdfPlot.h"
#include "ui/search/ImportancePlot.h"
#include "ui/search/OptimizationHistoryPlot.h"
#include "ui/search/ParallelCoordinatesPlot.h"
#include "ui/search/SearchResultsPanel.h"
#include "ui/search/SlicePlot.h"
#include "ui/search/TrialFilterProxy.h"
#include "ui/search/TrialTableModel.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotReadout.h"

#include "core/search/TestFunction.h"
#include "core/util/RandomGenerator.h"

#include "tests/support/PlotEvents.h"

#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <qcustomplot.h>

using namespace loupe;
using namespace loupe::plotevents;

namespace {

std::vector<Trial> braninTrials(const TestFunction &function, int count, std::uint64_t seed)
{
    RandomGenerator rng(seed);
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

int currentTrial(const SearchResultsPanel &panel)
{
    const QModelIndex current = panel.table()->currentIndex();
    return current.isValid() ? current.data(TrialTableModel::TrialNumberRole).toInt() : -1;
}

} // namespace

class TestPlotSelection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void clickOnAHistoryPointSelectsTheTrialEverywhere();
    void clickOnAParallelLineSelectsItsTrial();
    void tableRowRingsItsTrial();
    void readoutNamesTheTrial();
    void newStudyClearsTheSelection();
    void clickOnAnImportanceBarSelectsItsParameter();

private:
    std::unique_ptr<TestFunction> m_function;
    std::vector<Trial> m_trials;
    std::unique_ptr<SearchResultsPanel> m_panel;
};

void TestPlotSelection::init()
{
    m_function = TestFunction::create("branin").takeValue();
    m_trials = braninTrials(*m_function, 20, 7);
    m_panel = std::make_unique<SearchResultsPanel>();
    m_panel->resize(1000, 800);
    m_panel->setStudy(m_function->space(), m_trials);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestPlotSelection::cleanup()
{
    m_panel.reset();
}

void TestPlotSelection::clickOnAHistoryPointSelectsTheTrialEverywhere()
{
    OptimizationHistoryPlot *history = m_panel->historyPlot();
    m_panel->plotTabs()->setCurrentWidget(history);
    history->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy activated(m_panel.get(), &SearchResultsPanel::trialActivated);
    const Trial &seventh = m_trials[7];
    click(*history, pixelOf(*history, 7, *seventh.loss));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.front().front().toInt(), 7);
    QCOMPARE(currentTrial(*m_panel), 7);
    for (TrialPlot *plot : std::initializer_list<TrialPlot *>{history, m_panel->parallelPlot(), m_panel->slicePlot(),
                                                              m_panel->edfPlot()})
        QCOMPARE(plot->selectedTrial(), 7);
    // Ringed where each plot draws it.
    QCOMPARE(history->highlight()->marks(), (QVector<QPointF>{QPointF(7, *seventh.loss)}));
    QCOMPARE(m_panel->slicePlot()->highlight()->marks().size(), 1);
    QCOMPARE(m_panel->slicePlot()->highlight()->marks().front().y(), *seventh.loss);
    QCOMPARE(m_panel->edfPlot()->highlight()->marks().size(), 1);
    QCOMPARE(m_panel->edfPlot()->highlight()->marks().front().x(), *seventh.loss);
    QCOMPARE(m_panel->parallelPlot()->highlight()->line().size(), m_panel->parallelPlot()->axisCount());
}

void TestPlotSelection::clickOnAParallelLineSelectsItsTrial()
{
    ParallelCoordinatesPlot *parallel = m_panel->parallelPlot();
    m_panel->plotTabs()->setCurrentWidget(parallel);
    parallel->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy activated(m_panel.get(), &SearchResultsPanel::trialActivated);
    QSignalSpy brushes(parallel, &ParallelCoordinatesPlot::brushChanged);
    // Trial 3's line between the first two axes, half way: where its segment passes.
    const std::vector<QPointF> line = [&] {
        parallel->setSelectedTrial(3);
        const QVector<QPointF> points = parallel->highlight()->line();
        return std::vector<QPointF>(points.begin(), points.end());
    }();
    parallel->setSelectedTrial(-1);
    const QPointF a = pixelOf(*parallel, line[0].x(), line[0].y());
    const QPointF b = pixelOf(*parallel, line[1].x(), line[1].y());
    const QPointF middle = (a + b) / 2.0;
    hover(*parallel, middle);
    QVERIFY(parallel->readout()->isShown());
    QVERIFY2(parallel->readout()->text().contains(QStringLiteral("trial 3")), qPrintable(parallel->readout()->text()));
    click(*parallel, middle);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.front().front().toInt(), 3);
    QCOMPARE(parallel->selectedTrial(), 3);
    QCOMPARE(brushes.count(), 0); // between the axes: no brush
    // A drag along an axis still brushes, and does not pan.
    const QCPRange xBefore = parallel->customPlot()->xAxis->range();
    drag(*parallel, pixelOf(*parallel, 0, 0.2), pixelOf(*parallel, 0, 0.6));
    QCOMPARE(brushes.count(), 1);
    QCOMPARE(parallel->customPlot()->xAxis->range(), xBefore);
}

void TestPlotSelection::tableRowRingsItsTrial()
{
    const int row = m_panel->proxy()->mapFromSource(m_panel->model()->index(m_panel->model()->rowOf(12), 0)).row();
    m_panel->table()->selectRow(row);
    QCOMPARE(currentTrial(*m_panel), 12);
    QCOMPARE(m_panel->historyPlot()->selectedTrial(), 12);
    QCOMPARE(m_panel->historyPlot()->highlight()->marks().size(), 1);
    QCOMPARE(m_panel->historyPlot()->highlight()->marks().front().x(), 12.0);
}

void TestPlotSelection::readoutNamesTheTrial()
{
    SlicePlot *slice = m_panel->slicePlot();
    m_panel->plotTabs()->setCurrentIndex(2); // the slice page
    slice->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    const Trial &trial = m_trials[5];
    hover(*slice, pixelOf(*slice, trial.params.raw(0), *trial.loss));
    QVERIFY(slice->readout()->isShown());
    QVERIFY2(slice->readout()->text().contains(QStringLiteral("trial 5")), qPrintable(slice->readout()->text()));
}

void TestPlotSelection::newStudyClearsTheSelection()
{
    m_panel->historyPlot()->setSelectedTrial(4);
    wheel(*m_panel->historyPlot(), middle(*m_panel->historyPlot()), 240);
    QVERIFY(m_panel->historyPlot()->isZoomed());
    m_panel->setStudy(m_function->space(), braninTrials(*m_function, 10, 8));
    QCOMPARE(m_panel->historyPlot()->selectedTrial(), -1);
    QVERIFY(m_panel->historyPlot()->highlight()->isEmpty());
    QVERIFY(!m_panel->historyPlot()->isZoomed());
}

void TestPlotSelection::clickOnAnImportanceBarSelectsItsParameter()
{
    ImportancePlot *importance = m_panel->importancePlot();
    m_panel->plotTabs()->setCurrentWidget(importance);
    QTRY_VERIFY(!importance->entries().empty());
    importance->customPlot()->replot(QCustomPlot::rpImmediateRefresh);
    QSignalSpy clicked(importance, &TrialPlot::parameterClicked);
    const int count = int(importance->entries().size());
    QCOMPARE(count, m_function->space().size());
    for (int bar = count - 1; bar >= 0; --bar) { // the least important first: not the one selected now
        const ParameterImportanceEntry &entry = importance->entries()[std::size_t(bar)];
        const int parameter = m_function->space().indexOf(entry.name);
        QVERIFY(parameter >= 0);
        const double key = count - 1 - bar; // most important at the top
        const QPointF pixel(importance->customPlot()->xAxis->coordToPixel(entry.importance / 2),
                            importance->customPlot()->yAxis->coordToPixel(key));
        hover(*importance, pixel);
        QVERIFY2(importance->readout()->text().contains(QStringLiteral("click: show it on the slice plot")),
                 qPrintable(importance->readout()->text()));
        click(*importance, pixel);
        QCOMPARE(clicked.count(), count - bar);
        QCOMPARE(clicked.back().front().toInt(), parameter);
        QCOMPARE(m_panel->slicePlot()->parameter(), parameter);
        QCOMPARE(m_panel->parallelPlot()->selectedParameter(), parameter);
        QCOMPARE(importance->selectedParameter(), parameter);
        QCOMPARE(importance->highlight()->marks(), (QVector<QPointF>{QPointF(entry.importance, key)}));
    }
    QCOMPARE(m_panel->plotTabs()->currentWidget(), importance); // the tab stays
}

QTEST_MAIN(TestPlotSelection)
#include "tst_plotselection.moc"
