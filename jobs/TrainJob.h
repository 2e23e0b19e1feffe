#pragma once
// Trains a model spec on Fashion-MNIST or a loaded table, on the job's thread (TrainingSession).
//
// Signals, in order: started(TrainStart) once the data and model are ready; epochFinished per
// epoch; batchProgress at most every ~40 ms with every batch point since the previous one; then
// exactly one of finished(TrainSummary) (completed, or diverged with the message), failed(message)
// (a bad spec, data that does not fit, or an error during training) or cancelled().
// When request.workspace is set the run is recorded there as it trains (TrainRunRecorder) through
// the job's own Store connection; a workspace that cannot be opened does not stop the training,
// it is reported in TrainStart/TrainSummary::workspaceNote. A cancelled run is stored as cancelled.

#include "jobs/Job.h"
#include "jobs/TrainTypes.h"

namespace loupe {

class TrainJob : public Job {
    Q_OBJECT
public:
    explicit TrainJob(TrainRequest request, QObject *parent = nullptr);

    const TrainRequest &request() const { return m_request; }

Q_SIGNALS:
    void started(quint64 runId, const loupe::TrainStart &start);
    void epochFinished(quint64 runId, const loupe::EpochStats &stats);
    void batchProgress(quint64 runId, const loupe::TrainBatchProgress &progress);
    void finished(quint64 runId, const loupe::TrainSummary &summary);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    TrainRequest m_request;
    TrainSummary m_summary;
};

// Registers the train value types for queued connections. Idempotent.
void registerTrainMetaTypes();

} // namespace loupe
