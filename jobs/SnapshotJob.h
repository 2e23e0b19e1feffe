#pragma once
// Trains a snapshot ensemble (SnapshotEnsemble, what loupe-cli snapshot runs) on Fashion-MNIST
// or a loaded table, on the job's thread.
//
// Signals: progress (the ensemble's fraction), then exactly one of finished(SnapshotOutcome)
// (completed, diverged or cancelled part-way: the report says which and holds what was measured),
// failed(message) (bad spec or options, data that does not fit). When request.data.workspace is
// set the run is stored there as the CLI stores it: a 'snapshot' run with the settings as config,
// one epoch-metrics row per snapshot (snapshotEpochMetrics) and snapshotReportJson() as summary.
// A workspace that cannot be opened does not stop the run (SnapshotOutcome::workspaceNote).

#include "jobs/Job.h"
#include "jobs/SnapshotTypes.h"

namespace loupe {

class SnapshotJob : public Job {
    Q_OBJECT
public:
    explicit SnapshotJob(SnapshotRequest request, QObject *parent = nullptr);

    const SnapshotRequest &request() const { return m_request; }

Q_SIGNALS:
    void finished(quint64 runId, const loupe::SnapshotOutcome &outcome);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    SnapshotRequest m_request;
    SnapshotOutcome m_outcome;
};

// Registers SnapshotOutcome for queued connections. Idempotent.
void registerSnapshotMetaTypes();

} // namespace loupe
