#include "ui/train/TrainSelection.h"

#include "ui/common/CurvePlot.h"
#include "ui/common/TrainCurves.h"
#include "ui/train/TrainRunListModel.h"

#include <QTableView>

#include <algorithm>
#include <cmath>

namespace loupe {

TrainSelection::TrainSelection(const TrainCurves &curves, QVector<CurvePlot *> epochPlots, QVector<CurvePlot *> stepPlots,
                               QTableView *runView, TrainRunListModel *runs, QObject *parent)
    : QObject(parent)
    , m_curves(curves)
    , m_epochPlots(std::move(epochPlots))
    , m_stepPlots(std::move(stepPlots))
    , m_runView(runView)
    , m_runs(runs)
{
    for (CurvePlot *plot : std::as_const(m_epochPlots))
        connect(plot, &CurvePlot::seriesPointClicked, this,
                [this](qint64 runId, double epoch) { select(runId, int(std::lround(epoch))); });
    for (CurvePlot *plot : std::as_const(m_stepPlots)) {
        connect(plot, &CurvePlot::seriesPointClicked, this, [this](qint64 runId, double step) {
            const RunCurves *run = findRun(runId);
            const double perEpoch = run ? stepsPerEpoch(*run) : 0.0;
            if (perEpoch > 0.0)
                select(runId, std::max(1, int(std::ceil(step / perEpoch - 1e-9))), step);
        });
    }
}

double TrainSelection::stepsPerEpoch(const RunCurves &run)
{
    if (run.epochs.isEmpty() || run.steps.isEmpty())
        return 0.0;
    return std::max(1.0, std::round(run.steps.back() / double(run.epochs.size())));
}

const RunCurves *TrainSelection::findRun(qint64 runId) const
{
    for (const RunCurves *run : m_curves.allRuns())
        if (run->storedRunId == runId)
            return run;
    return nullptr;
}

void TrainSelection::select(qint64 runId, int epoch, std::optional<double> step)
{
    m_run = runId;
    m_epoch = epoch;
    for (CurvePlot *plot : std::as_const(m_epochPlots))
        plot->setSelection(runId, epoch);
    const RunCurves *run = findRun(runId);
    if (!step && run && stepsPerEpoch(*run) > 0.0)
        step = std::min(double(epoch) * stepsPerEpoch(*run), run->steps.back());
    for (CurvePlot *plot : std::as_const(m_stepPlots)) {
        if (step)
            plot->setSelection(runId, *step);
        else
            plot->clearSelection();
    }
    const int row = runId > 0 ? m_runs->rowOf(runId) : -1;
    if (row >= 0) {
        m_runView->selectRow(row);
        m_runView->scrollTo(m_runs->index(row, 0));
    } else {
        m_runView->clearSelection();
    }
    Q_EMIT selectionChanged(runId, epoch);
}

void TrainSelection::clear()
{
    m_run = -1;
    m_epoch = 0;
    for (CurvePlot *plot : m_epochPlots + m_stepPlots)
        plot->clearSelection();
}

} // namespace loupe
