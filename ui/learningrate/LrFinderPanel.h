#pragma once
// The finder side of the Learning-rate page: the data and model spec (a
// TrainSetupPanel, whose batch-size and seed overrides apply; its epochs and
// learning-rate rows are hidden here), the finder (range test or one pass) with
// its start / end / factor / steps and, for the range test, the share of
// training rows each rate sees; Start and Cancel with a progress bar. The
// result is drawn on an LrFinderPlot, overlaid with the workspace's stored
// lr-find runs checked in the list below it (the newest one is checked when the
// page opens). "Use this rate" emits the recommended rate of the newest drawn
// run. While a search runs its curve grows on the plot as the job sends points
// (redrawn at most every ~40 ms).

#include "ui/common/PageContext.h"

#include "jobs/LrFindTypes.h"
#include "ui/learningrate/StoredLrFindRuns.h"
#include "ui/learningrate/LrFinderPlot.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace loupe {

class RunControls;
class TrainSetupPanel;

class LrFinderPanel : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the panel.
    explicit LrFinderPanel(const PageContext &context, QWidget *parent = nullptr);
    ~LrFinderPanel() override;

    // The request for the current fields; InvalidInput naming the field when one
    // is unusable.
    Result<LrFindRequest> request() const;
    // Starts a search (a running one is superseded). An unusable field shows its
    // message.
    void startSearch();
    void cancelSearch();
    bool isSearching() const { return m_run != 0; }

    void setMode(LrFindMode mode); // also resets start / end / factor / steps to
                                   // the mode's defaults
    LrFindMode mode() const;
    void setField(const QString &name,
        const QString &text); // "start", "end", "factor", "fraction"
    void setSteps(int steps);

    // Re-reads the stored lr-find runs (keeps the checks of runs still listed).
    void reloadRuns();
    // The recommended rate of the newest drawn run, 0 when there is none.
    double recommendedRate() const;

    TrainSetupPanel *setupPanel() const { return m_setup; }
    LrFinderPlot *plot() const { return m_plot; }
    QListWidget *runList() const { return m_runList; }
    QProgressBar *progressBar() const;
    QString messageText() const;
    // The running search's points so far (empty when none runs).
    const LrFinderCurve &liveCurve() const { return m_live; }
    // How often the plot was redrawn for new live points.
    int liveRedrawCount() const { return m_liveRedraws; }

Q_SIGNALS:
    void searchFinished(const loupe::LrFindOutcome &outcome);
    void searchFailed(const QString &message);
    void searchCancelled();
    void learningRateChosen(double learningRate);
    // New points of the running search arrived; total = its points so far.
    void livePointsAdded(int total);

private:
    QWidget *buildControls();
    QWidget *buildResults();
    void redraw();
    void onFinished(const LrFindOutcome &outcome);
    void onEnded(const QString &message, bool error);

    PageContext m_context;
    quint64 m_run = 0;
    LrFinderCurve m_live;              // the running search's points so far
    QTimer *m_liveRedraw = nullptr;    // coalesces live points into one redraw per ~40 ms
    int m_liveRedraws = 0;
    QVector<LrFinderCurve> m_unstored; // this session's results that are not in the workspace
    qint64 m_checkWhenListed = 0;      // a just-stored run to check once it is listed
    std::unique_ptr<StoredLrFindRuns> m_stored;
    std::vector<StoredLrFindRun> m_storedRuns;

    TrainSetupPanel *m_setup = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_end = nullptr;
    QLineEdit *m_factor = nullptr;
    QLineEdit *m_fraction = nullptr;
    QSpinBox *m_steps = nullptr;
    QPushButton *m_useButton = nullptr;
    RunControls *m_controls = nullptr;
    QLabel *m_recommended = nullptr;
    LrFinderPlot *m_plot = nullptr;
    QListWidget *m_runList = nullptr;
};

} // namespace loupe
