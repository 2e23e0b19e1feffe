#pragma once
// The snapshot-ensemble side of the Learning-rate page (a LearningRateJobPanel): cycles M, epochs T,
// each cycle's starting rate (default: the spec's learning rate) and whether to train the
// single-model comparison. The run (a SnapshotJob, stored in the
// workspace as a 'snapshot' run) is drawn as the rate over the epochs with a marker per snapshot
// (SnapshotRatePlot) and the test accuracy of every snapshot against the ensemble of the last K
// (K chosen on validation rows) and the single model (SnapshotAccuracyPlot). The stored runs are
// listed below; selecting one re-opens it. Both plots export (PNG, PDF, SVG) and copy as CSV.
// A snapshot clicked on either plot is selected on both (ringed) and described under them.

#include "ui/learningrate/LearningRateJobPanel.h"

#include "jobs/SnapshotTypes.h"
#include "jobs/StoredSnapshotRuns.h"

#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace loupe {

class SnapshotAccuracyPlot;
class SnapshotRatePlot;

class SnapshotPanel : public LearningRateJobPanel {
    Q_OBJECT
public:
    // requires: context.runner and context.dataset outlive the panel.
    explicit SnapshotPanel(const PageContext &context, QWidget *parent = nullptr);

    // The request for the current fields; InvalidInput naming the field when one is unusable.
    Result<SnapshotRequest> request() const;

    void setCycles(int cycles);
    void setEpochs(int epochs);
    void setStartRate(const QString &text); // empty: the spec's learning rate
    void setSingleModel(bool train);

    void reloadRuns() override;
    // Draws a report (the newest result or a stored run).
    void showReport(const SnapshotReport &report, const QString &title);

    SnapshotRatePlot *ratePlot() const { return m_ratePlot; }
    SnapshotAccuracyPlot *accuracyPlot() const { return m_accuracyPlot; }
    QString summaryText() const;
    // Selects snapshot `index` (0-based) of the report shown on both plots and describes it; -1 clears.
    void selectSnapshot(int index);

Q_SIGNALS:
    void runFinished(const loupe::SnapshotOutcome &outcome);

protected:
    Result<Job *> createJob() override;

private:
    QWidget *buildFields();
    QWidget *buildResults();
    void onFinished(const SnapshotOutcome &outcome);
    void onRunSelected();

    std::vector<StoredSnapshotRun> m_storedRuns; // as listed, row by row
    SnapshotReport m_report;                     // shown on the plots
    QString m_reportText;                        // its title and description

    QSpinBox *m_cycles = nullptr;
    QSpinBox *m_epochs = nullptr;
    QLineEdit *m_startRate = nullptr;
    QCheckBox *m_singleModel = nullptr;
    QLabel *m_summary = nullptr;
    SnapshotRatePlot *m_ratePlot = nullptr;
    SnapshotAccuracyPlot *m_accuracyPlot = nullptr;
};

} // namespace loupe
