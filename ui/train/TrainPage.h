#pragma once
// The Train page: choose the data (Fashion-MNIST or the CSV loaded on the Data page, with a target
// column), edit the model spec, override epochs / batch size / seed / learning rate, Start and
// Cancel. While a TrainJob runs, a progress bar shows the fraction done and the ETA, and four
// plots follow it live: loss and accuracy per epoch (training and validation), the smoothed batch
// loss and the learning rate. The plots are redrawn by one ~40 ms coalescing timer, never per
// signal. Below them, the workspace's stored training runs: checking runs overlays their stored
// curves. A diverged run shows its message ("diverged at epoch E, step S, loss L"). Every plot
// exports to PNG, PDF or SVG from its context menu.

#include "ui/common/PageContext.h"

#include "jobs/RunCurves.h"
#include "jobs/TrainTypes.h"

#include "core/util/Status.h"

#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTimer;

namespace loupe {

class BatchLossPlot;
class EpochAccuracyPlot;
class EpochLossPlot;
class LearningRatePlot;
class MessageBanner;
class StoredRunsHeader;
class TrainCurves;
class TrainSelection;
class TrainRunListModel;
class TrainSetupPanel;
class WorkspaceReader;

class TrainPage : public QWidget {
    Q_OBJECT
public:
    static constexpr int s_redrawIntervalMs = 40;

    // requires: context.runner and context.dataset outlive the page.
    explicit TrainPage(const PageContext &context, QWidget *parent = nullptr);
    ~TrainPage() override;

    // Starts a run with the current settings (a running one is cancelled and superseded).
    // A setting that cannot be used shows its message and starts nothing.
    void startTraining();
    // Stops the running training; it is stored as cancelled. No-op when idle.
    void cancelTraining();
    bool isTraining() const { return m_trainRun != 0; }

    // Re-reads the stored training runs from the workspace, off the UI thread: the list's header
    // says "reading the workspace…" until the read replies.
    void reloadRuns();
    // A read of the stored runs or of the checked runs' curves has not replied yet.
    bool isLoading() const;

    TrainSetupPanel *setupPanel() const { return m_setup; }
    TrainCurves *curves() const { return m_curves; }
    TrainRunListModel *runListModel() const { return m_runs; }
    QTableView *runListView() const { return m_runView; }
    EpochLossPlot *lossPlot() const { return m_lossPlot; }
    EpochAccuracyPlot *accuracyPlot() const { return m_accuracyPlot; }
    BatchLossPlot *batchLossPlot() const { return m_batchLossPlot; }
    LearningRatePlot *learningRatePlot() const { return m_learningRatePlot; }
    // The run and epoch selected by a click on a plot (its row in the list, its points ringed).
    TrainSelection *selection() const { return m_selection; }
    QProgressBar *progressBar() const { return m_progress; }
    QString messageText() const;
    QString statusText() const;
    // How often the plots were redrawn (the coalescing timer fired).
    int redrawCount() const { return m_redraws; }

Q_SIGNALS:
    void trainingStarted();
    void trainingFinished(const loupe::TrainSummary &summary);
    void trainingFailed(const QString &message);
    void trainingCancelled();

private:
    QWidget *buildControls();
    QWidget *buildPlots();
    QWidget *buildRunList();
    void setRunningUi(bool running);
    void scheduleRedraw();
    void redraw();
    // Reads the checked runs' curves off the UI thread; showOverlays() draws them when they arrive.
    void loadOverlays();
    void showOverlays(const Result<std::vector<Result<RunCurves>>> &read);
    void onStarted(const TrainStart &start);
    void onBatchProgress(const TrainBatchProgress &progress);
    void onFinished(const TrainSummary &summary);
    void onFailed(const QString &message);
    void onCancelled();

    PageContext m_context;
    quint64 m_trainRun = 0;
    quint64 m_reloadWhenEnded = 0; // a cancelled run whose end (and stored status) is awaited
    TrainStart m_start;
    TrainBatchProgress m_lastProgress;
    int m_redraws = 0;

    TrainSetupPanel *m_setup = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_statusLabel = nullptr;
    MessageBanner *m_message = nullptr;
    EpochLossPlot *m_lossPlot = nullptr;
    EpochAccuracyPlot *m_accuracyPlot = nullptr;
    BatchLossPlot *m_batchLossPlot = nullptr;
    LearningRatePlot *m_learningRatePlot = nullptr;
    QTableView *m_runView = nullptr;
    StoredRunsHeader *m_runsHeader = nullptr;
    TrainCurves *m_curves = nullptr;
    TrainRunListModel *m_runs = nullptr;
    WorkspaceReader *m_runsReader = nullptr;
    WorkspaceReader *m_overlayReader = nullptr;
    QTimer *m_redrawTimer = nullptr;
    TrainSelection *m_selection = nullptr;
};

} // namespace loupe
