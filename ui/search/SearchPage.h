#pragma once
// The Search page: hyperparameter search with live results. The setup panel says what to optimise
// and over which space; Start runs a SearchJob whose trials are stored in the workspace (so a
// stopped or crashed study can be resumed by name, and `loupe-cli worker` processes can join a
// test-function study through a shared database). The results panel shows the trials table and
// the plots, refreshed at most four times a second however fast trials finish. Choosing a trial
// (table row or plot point) shows its details and, in the "Training curves" tab, the curves of
// its stored training run (training searches; clicking a row opens that tab).
#include "ui/common/MessageBanner.h"
#include "ui/common/PageContext.h"

#include "jobs/SearchTypes.h"
#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <QElapsedTimer>
#include <QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;

namespace loupe {

class SearchResultsPanel;
class SearchSetupPanel;
class TrialCurvesPanel;

class SearchPage : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the page.
    explicit SearchPage(const PageContext &context, QWidget *parent = nullptr);
    ~SearchPage() override;

    SearchSetupPanel *setupPanel() const { return m_setup; }
    SearchResultsPanel *resultsPanel() const { return m_results; }
    bool isRunning() const { return m_run != 0; }
    MessageBanner *statusLabel() const { return m_status; }
    QLabel *trialDetails() const { return m_details; }
    // The progress bar's budget (its maximum).
    int progressMaximum() const;
    // The "Training curves" tab of the results: the chosen trial's stored training run.
    TrialCurvesPanel *trialCurves() const { return m_curves; }

public Q_SLOTS:
    void startSearch();
    void resumeSearch();
    void stopSearch();

Q_SIGNALS:
    // The search ended (completed, failed or stopped).
    void searchEnded();

private:
    void launch(bool resume);
    void clearTrialDetails();
    void onStarted(const SearchStart &start);
    void onTrial(const SearchTrialRow &row);
    void onFinished(const SearchSummary &summary);
    void onEnded(const QString &message, MessageBanner::Kind kind);
    void flushPending();
    void showProgress();
    void showTrialDetails(int trialNumber);
    void connectTrialCurves();
    void updateButtons();

    PageContext m_context;
    SearchSetupPanel *m_setup = nullptr;
    SearchResultsPanel *m_results = nullptr;
    TrialCurvesPanel *m_curves = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_stop = nullptr;
    QPushButton *m_resume = nullptr;
    QProgressBar *m_progress = nullptr;
    MessageBanner *m_status = nullptr;
    QLabel *m_details = nullptr;
    QTimer *m_flush = nullptr;
    QElapsedTimer m_progressClock; // when the progress bar last moved
    quint64 m_run = 0;
    SearchSpace m_space;              // the space of the study shown
    std::vector<Trial> m_pending;     // finished trials not yet handed to the results panel
    int m_finishedCount = 0;
    int m_maxEvals = 0;
    QString m_lastStudy;              // the study Resume continues
    int m_openCurvesOf = -1;          // a trial whose row was clicked: its curves tab opens once read
};

} // namespace loupe
