#pragma once
// The finder side of the Learning-rate page (a LearningRateJobPanel): the finder (range test or one
// pass) with its start / end / factor / steps and, for the range test, the share of training rows
// each rate sees. The result is drawn on an LrFinderPlot, overlaid with the workspace's stored
// lr-find runs checked in the list below it (the newest one is checked when the page opens).
// "Use this rate" emits the rate of the point clicked on the plot, else the recommended rate of the
// newest drawn run; "Verify by training" (an LrVerifyBox) trains at that same rate and its
// neighbours and marks the accuracies reached on the plot. While a search runs its curve
// grows on the plot as the job sends points (redrawn at most every ~40 ms); a finished search stays
// drawn until the stored-run list, read again, shows it.

#include "ui/learningrate/LearningRateJobPanel.h"
#include "ui/learningrate/LrFinderPlot.h"
#include "ui/learningrate/LrVerifyBox.h"

#include "jobs/LrFindTypes.h"
#include "jobs/StoredLrFindRuns.h"

#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimer;

namespace loupe {

class LrFinderPanel : public LearningRateJobPanel {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the panel.
    explicit LrFinderPanel(const PageContext &context, QWidget *parent = nullptr);

    // The request for the current fields; InvalidInput naming the field when one is unusable.
    Result<LrFindRequest> request() const;

    void setMode(LrFindMode mode); // also resets start / end / factor / steps to the mode's defaults
    LrFindMode mode() const;
    void setField(const QString &name, const QString &text); // "start", "end", "factor", "fraction"
    void setSteps(int steps);

    void reloadRuns() override;
    // The recommended rate of the newest drawn run, 0 when there is none.
    double recommendedRate() const;
    // What "Use this rate" sends: the rate of the point last clicked on the plot, else the recommended one.
    double chosenRate() const;

    LrFinderPlot *plot() const { return m_plot; }
    LrVerifyBox *verifyBox() const { return m_verify; }
    // The running search's points so far (empty when none runs).
    const LrFinderCurve &liveCurve() const { return m_live; }
    // How often the plot was redrawn for new live points.
    int liveRedrawCount() const { return m_liveRedraws; }

Q_SIGNALS:
    void runFinished(const loupe::LrFindOutcome &outcome);
    void learningRateChosen(double learningRate);
    // New points of the running search arrived; total = its points so far.
    void livePointsAdded(int total);

protected:
    Result<Job *> createJob() override;
    void endRun(const QString &message, MessageBanner::Kind kind) override;
    void runsListed() override;

private:
    QWidget *buildFields();
    QWidget *buildResults();
    void redraw();
    void onFinished(const LrFindOutcome &outcome);

    LrFinderCurve m_live;              // the running search's points so far
    QTimer *m_liveRedraw = nullptr;    // coalesces live points into one redraw per ~40 ms
    int m_liveRedraws = 0;
    QVector<LrFinderCurve> m_unstored; // this session's results that are not in the workspace
    // A finished, stored search, drawn until the list shows it: its stored run id and its curve.
    std::optional<std::pair<qint64, LrFinderCurve>> m_awaitingListing;
    std::vector<StoredLrFindRun> m_storedRuns; // as listed, row by row

    QComboBox *m_mode = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_end = nullptr;
    QLineEdit *m_factor = nullptr;
    QLineEdit *m_fraction = nullptr;
    QSpinBox *m_steps = nullptr;
    QPushButton *m_useButton = nullptr;
    QLabel *m_recommended = nullptr;
    double m_pickedRate = 0.0; // clicked on the plot; 0: none
    LrFinderPlot *m_plot = nullptr;
    LrVerifyBox *m_verify = nullptr;
};

} // namespace loupe
