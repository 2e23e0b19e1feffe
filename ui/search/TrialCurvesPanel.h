#pragma once
// A tab of the Search page's results: the training curves of the chosen trial (the smoothed
// per-batch loss, per-epoch loss and validation loss, accuracy and validation accuracy), read from
// the 'train' run the search stored for it (StoredTrialCurves), off the UI thread: the panel says
// "reading…" until the read replies, and a trial clicked meanwhile supersedes it. Test-function
// studies (branin, ...) train nothing: the panel says so instead of showing empty plots; so it does
// for a trial still running, or one whose spec could not be trained. Redraws only when a trial's
// curves arrive, never while a search runs.

#include "core/util/Status.h"

#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace loupe {

class BatchLossPlot;
class EpochAccuracyPlot;
class EpochLossPlot;
class TrainCurves;
class WorkspaceReader;
struct TrialRunCurves;

class TrialCurvesPanel : public QWidget {
    Q_OBJECT
public:
    explicit TrialCurvesPanel(QWidget *parent = nullptr);
    ~TrialCurvesPanel() override;

    // The study the next showTrial() reads from. testFunction: the objective's name for test-function
    // studies (then no trial has curves), empty for training searches. Clears what is shown.
    void setStudy(const QString &storage, const QString &studyName, const QString &testFunction);
    // Reads and then shows trial `trialNumber`'s curves, or a message saying why there are none.
    void showTrial(int trialNumber);
    // A trial's read has not replied yet.
    bool isLoading() const;

    // The trial shown (-1: none) and whether its curves are on screen.
    int trialNumber() const { return m_trialNumber; }
    bool showsCurves() const;
    QLabel *heading() const { return m_heading; }
    QLabel *message() const { return m_message; }
    BatchLossPlot *batchLossPlot() const { return m_batchLossPlot; }
    EpochLossPlot *lossPlot() const { return m_lossPlot; }
    EpochAccuracyPlot *accuracyPlot() const { return m_accuracyPlot; }

Q_SIGNALS:
    // Trial `trialNumber`'s curves are on screen.
    void curvesShown(int trialNumber);

private:
    void showMessage(const QString &heading, const QString &message);
    void showRead(int trialNumber, const Result<TrialRunCurves> &read);

    WorkspaceReader *m_reader = nullptr;
    QString m_studyName;
    QString m_testFunction;
    int m_trialNumber = -1;
    TrainCurves *m_curves = nullptr;
    QLabel *m_heading = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_message = nullptr;
    QWidget *m_plots = nullptr;
    BatchLossPlot *m_batchLossPlot = nullptr;
    EpochLossPlot *m_lossPlot = nullptr;
    EpochAccuracyPlot *m_accuracyPlot = nullptr;
};

} // namespace loupe
