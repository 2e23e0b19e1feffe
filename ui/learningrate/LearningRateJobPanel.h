#pragma once
// What the Learning-rate page's job panels (LrFinderPanel, SnapshotPanel) share.
// Left: the data and model spec (a TrainSetupPanel; its epochs, learning-rate and schedule rows
// are hidden, its batch size and seed apply), the panel's own fields, then Start / Cancel with a
// progress bar and a message (RunControls). Right: the panel's results, and under them the
// workspace's stored runs of the panel's kind, newest first, read off the UI thread (a
// WorkspaceReader; the header says "reading the workspace…" meanwhile). The runs a user checked
// (RunPick::Check: overlay several) or selected (RunPick::Select: open one) stay so across re-reads.
//
// One job runs at a time, in the panel's JobRunner slot. Its progress, failure and cancellation
// drive the controls and runFailed / runCancelled; the subclass handles its result. The stored runs
// are read when the panel opens and again when its job's thread has ended (a job stores its
// cancellation as it stops, after the panel has moved on).

#include "ui/common/MessageBanner.h"
#include "ui/common/PageContext.h"

#include "jobs/TrainTypes.h"
#include "jobs/WorkspaceReader.h"

#include "core/util/Status.h"

#include <QString>
#include <QWidget>

#include <functional>
#include <vector>

class QListWidget;
class QProgressBar;

namespace loupe {

class Job;
class JobRunner;
class RunControls;
class StoredRunsHeader;
class TrainSetupPanel;

class LearningRateJobPanel : public QWidget {
    Q_OBJECT
public:
    ~LearningRateJobPanel() override;

    // Starts a run with the current fields (a running one is superseded). A field that cannot be
    // used shows its message and starts nothing.
    void startRun();
    // Stops the running job (it is stored as cancelled); no-op when idle.
    void cancelRun();
    bool isRunning() const { return m_run != 0; }
    // Reads the stored runs again (the picks of runs still listed are kept).
    virtual void reloadRuns() = 0;
    // A read of the stored runs has not replied yet.
    bool isLoadingRuns() const { return m_reader->isReading(); }

    TrainSetupPanel *setupPanel() const { return m_setup; }
    QListWidget *runList() const { return m_runList; }
    QProgressBar *progressBar() const;
    QString messageText() const;

Q_SIGNALS:
    void runFailed(const QString &message);
    void runCancelled();

protected:
    enum class RunPick { Check, Select };
    struct Names {
        QString startButton;  // the Start button's object name
        QString runList;      // the stored-run list's object name
        QString runListTitle; // shown above the list
        QString slot;         // the JobRunner slot of the panel's jobs
        QString failure;      // "The search failed: %1"
        RunPick pick = RunPick::Check;
    };
    // One line of the stored-run list. usable: the run has a result to show (else greyed out).
    struct ListedRun {
        qint64 id = 0;
        QString text;
        bool usable = true;
        QString toolTip;          // e.g. why an interrupted or failed run stopped
        bool interrupted = false; // counted in the list's header
    };

    // requires: context.runner and context.dataset outlive the panel.
    LearningRateJobPanel(const PageContext &context, Names names, QWidget *parent);
    // Lays the panel out with the subclass's fields (left) and results (right; they hold
    // storedRunsBox() somewhere) and reads the stored runs. Call once, from the subclass constructor.
    void build(QWidget *fields, QWidget *results);
    // The stored-run list with its header, for the subclass's results.
    QWidget *storedRunsBox() const { return m_runsBox; }
    // The data part of a request. InvalidInput naming the field when one is unusable.
    Result<TrainRequest> setupRequest() const;
    JobRunner &runner() const { return *m_context.runner; }
    RunControls *controls() const { return m_controls; }

    // The job for the current fields with its result signals connected (runner().connectCurrent),
    // or the reason there is none. The panel takes the job.
    virtual Result<Job *> createJob() = 0;
    // The run ended: Start is enabled again and the message shown. Overrides call this first.
    virtual void endRun(const QString &message, MessageBanner::Kind kind);
    // A read of the stored runs replied and the list shows it.
    virtual void runsListed() {}

    // Reads the stored runs with `read` on a worker. When it replies, `keep` receives the runs, then
    // the list shows describe(run) for each, in order (so row i is the i-th run kept).
    template <typename Run>
    void readRuns(WorkspaceReader::ReadFunction<std::vector<Run>> read, std::function<ListedRun(const Run &)> describe,
                  std::function<void(std::vector<Run>)> keep);
    // Checks (RunPick::Check) or selects (RunPick::Select) run `id` once a read lists it.
    void pickWhenListed(qint64 id) { m_pickWhenListed = id; }

private:
    QWidget *buildStoredRuns(const Names &names);
    void showReading();
    void showNoWorkspace();
    // Rebuilds the list, keeping the picks of runs still listed; problem: why the read failed.
    void showRuns(const std::vector<ListedRun> &runs, const QString &problem);

    PageContext m_context;
    Names m_names;
    quint64 m_run = 0;
    quint64 m_lastRun = 0; // the latest job, running or not: its thread's end re-reads the runs
    qint64 m_pickWhenListed = 0;
    WorkspaceReader *m_reader = nullptr;
    TrainSetupPanel *m_setup = nullptr;
    RunControls *m_controls = nullptr;
    QWidget *m_runsBox = nullptr;
    StoredRunsHeader *m_runsHeader = nullptr;
    QListWidget *m_runList = nullptr;
};

template <typename Run>
void LearningRateJobPanel::readRuns(WorkspaceReader::ReadFunction<std::vector<Run>> read,
                                    std::function<ListedRun(const Run &)> describe,
                                    std::function<void(std::vector<Run>)> keep)
{
    if (m_reader->workspace().isEmpty()) {
        keep({});
        showNoWorkspace();
        return;
    }
    m_reader->read<std::vector<Run>>(std::move(read), [this, describe, keep](Result<std::vector<Run>> runs) {
        std::vector<Run> listed = runs.isOk() ? runs.takeValue() : std::vector<Run>();
        std::vector<ListedRun> lines;
        lines.reserve(listed.size());
        for (const Run &run : listed)
            lines.push_back(describe(run));
        keep(std::move(listed));
        showRuns(lines, QString::fromStdString(runs.message()));
    });
    showReading();
}

} // namespace loupe
