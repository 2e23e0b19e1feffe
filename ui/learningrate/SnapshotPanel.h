#pragma once
// The snapshot-ensemble side of the Learning-rate page: the data and model spec (a
// TrainSetupPanel; its batch-size and seed overrides apply), cycles M, epochs T, each cycle's
// starting rate (default: the spec's learning rate) and whether to train the single-model
// comparison; Start and Cancel with a progress bar. The run (a SnapshotJob, stored in the
// workspace as a 'snapshot' run) is drawn as the rate over the epochs with a marker per snapshot
// (SnapshotRatePlot) and the test accuracy of every snapshot against the ensemble of the last K
// (K chosen on validation rows) and the single model (SnapshotAccuracyPlot). The stored runs are
// listed below; selecting one re-opens it. Both plots export (PNG, PDF, SVG) and copy as CSV.

#include "ui/common/PageContext.h"

#include "jobs/SnapshotTypes.h"
#include "ui/learningrate/StoredSnapshotRuns.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace loupe {

class RunControls;
class SnapshotAccuracyPlot;
class SnapshotRatePlot;
class TrainSetupPanel;

class SnapshotPanel : public QWidget {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the panel.
    explicit SnapshotPanel(const PageContext &context, QWidget *parent = nullptr);
    ~SnapshotPanel() override;

    // The request for the current fields; InvalidInput naming the field when one is unusable.
    Result<SnapshotRequest> request() const;
    void startRun(); // a field that is unusable shows its message
    void cancelRun();
    bool isRunning() const { return m_run != 0; }

    void setCycles(int cycles);
    void setEpochs(int epochs);
    void setStartRate(const QString &text); // empty: the spec's learning rate
    void setSingleModel(bool train);

    // Re-reads the stored snapshot runs; selects `select` when listed (0: keeps the selection).
    void reloadRuns(qint64 select = 0);
    // Draws a report (the newest result or a stored run).
    void showReport(const SnapshotReport &report, const QString &title);

    TrainSetupPanel *setupPanel() const { return m_setup; }
    SnapshotRatePlot *ratePlot() const { return m_ratePlot; }
    SnapshotAccuracyPlot *accuracyPlot() const { return m_accuracyPlot; }
    QListWidget *runList() const { return m_runList; }
    QString messageText() const;
    QString summaryText() const;

Q_SIGNALS:
    void runFinished(const loupe::SnapshotOutcome &outcome);
    void runFailed(const QString &message);
    void runCancelled();

private:
    QWidget *buildControls();
    QWidget *buildResults();
    void onFinished(const SnapshotOutcome &outcome);
    void onEnded(const QString &message, bool error);
    void onRunSelected();

    PageContext m_context;
    quint64 m_run = 0;
    std::unique_ptr<StoredSnapshotRuns> m_stored;
    std::vector<StoredSnapshotRun> m_storedRuns;

    TrainSetupPanel *m_setup = nullptr;
    QSpinBox *m_cycles = nullptr;
    QSpinBox *m_epochs = nullptr;
    QLineEdit *m_startRate = nullptr;
    QCheckBox *m_singleModel = nullptr;
    RunControls *m_controls = nullptr;
    QLabel *m_summary = nullptr;
    SnapshotRatePlot *m_ratePlot = nullptr;
    SnapshotAccuracyPlot *m_accuracyPlot = nullptr;
    QListWidget *m_runList = nullptr;
};

} // namespace loupe
