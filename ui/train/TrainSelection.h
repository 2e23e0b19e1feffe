#pragma once
// The Train page's linked selection (issue 25): one epoch of one run. A click on a point of the loss
// or accuracy plot (an epoch) or of the batch-loss or learning-rate plot (a step) selects that run's
// row in the stored-runs list and rings the epoch on the epoch plots and the step on the step plots
// (for a click on an epoch, its last step). Steps map to epochs through the run's steps per epoch
// (its last step over its epochs; for a run still in its first steps of an epoch, an estimate).

#include <QObject>
#include <QVector>

#include <optional>

class QTableView;

namespace loupe {

class CurvePlot;
class TrainCurves;
class TrainRunListModel;
struct RunCurves;

class TrainSelection : public QObject {
    Q_OBJECT
public:
    // requires: every argument outlives the selection.
    TrainSelection(const TrainCurves &curves, QVector<CurvePlot *> epochPlots, QVector<CurvePlot *> stepPlots,
                   QTableView *runView, TrainRunListModel *runs, QObject *parent = nullptr);

    // Selects `epoch` (1-based) of the run with id `runId` (0: the live run not recorded); `step`, when
    // given, is the step to ring on the step plots instead of the epoch's last.
    void select(qint64 runId, int epoch, std::optional<double> step = std::nullopt);
    void clear();
    qint64 selectedRun() const { return m_run; }
    int selectedEpoch() const { return m_epoch; } // 0: none

    // The run's steps per epoch; 0 when it has no epochs or no steps.
    static double stepsPerEpoch(const RunCurves &run);

Q_SIGNALS:
    void selectionChanged(qint64 runId, int epoch);

private:
    const RunCurves *findRun(qint64 runId) const;

    const TrainCurves &m_curves;
    QVector<CurvePlot *> m_epochPlots;
    QVector<CurvePlot *> m_stepPlots;
    QTableView *m_runView;
    TrainRunListModel *m_runs;
    qint64 m_run = -1;
    int m_epoch = 0;
};

} // namespace loupe
