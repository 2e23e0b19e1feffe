#pragma once
// Runs a learning-rate finder (RangeTest or OnePassFinder) on Fashion-MNIST or
// a loaded table, on the job's thread, with the data prepared as TrainJob
// prepares it.
//
// Signals: progress (the finder's fraction) and pointsFound (the curve's new points, at most
// every ~40 ms, every point exactly once and in order, the last ones before the end), then
// exactly one of
// finished(LrFindOutcome) (the search ran to its end, recommended rate or not),
// failed(message) (bad spec, data that does not fit) or cancelled(). When
// request.data.workspace is set the search is stored there as the CLI's lr-find
// stores it: an 'lr-find' run with the settings as config, one step metric (lr,
// loss) per point and lrFindResultJson() as summary; a cancelled search is
// stored as cancelled. A workspace that cannot be opened does not stop the
// search (LrFindOutcome::workspaceNote).

#include "jobs/Job.h"
#include "jobs/LrFindTypes.h"

namespace loupe {

class LrFindJob : public Job {
    Q_OBJECT
public:
    explicit LrFindJob(LrFindRequest request, QObject *parent = nullptr);

    const LrFindRequest &request() const { return m_request; }

Q_SIGNALS:
    void pointsFound(quint64 runId, const QVector<loupe::LrPoint> &points);
    void finished(quint64 runId, const loupe::LrFindOutcome &outcome);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    // sink: the job's progress, with the stored run's heartbeat when recorded.
    Result<LrFindResult> search(const ModelSpec &spec, const TrainingData &data, const ProgressSink &sink);

    LrFindRequest m_request;
    LrFindOutcome m_outcome;
};

// Registers LrFindOutcome for queued connections. Idempotent.
void registerLrFindMetaTypes();

} // namespace loupe
