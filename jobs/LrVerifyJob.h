#pragma once
// Verifies learning rates by training (LrVerifier, the service loupe-cli lr-verify uses) on the
// job's thread, with the data prepared as TrainJob prepares it.
//
// Signals: progress, pointFound (each finished training, in order), then exactly one of
// finished(LrVerifyOutcome), failed(message) (bad spec, data that does not fit) or cancelled().
// When request.data.workspace is set the verification is stored there as the CLI stores it: an
// 'lr-find' run with config mode "verify" (lrVerifyConfigJson) and lrVerifyResultJson() as
// summary; a cancelled one is stored as cancelled with the trainings it finished. A workspace that
// cannot be opened does not stop it (LrVerifyOutcome::workspaceNote).

#include "jobs/Job.h"
#include "jobs/LrVerifyTypes.h"

namespace loupe {

class LrVerifyJob : public Job {
    Q_OBJECT
public:
    explicit LrVerifyJob(LrVerifyRequest request, QObject *parent = nullptr);

    const LrVerifyRequest &request() const { return m_request; }

Q_SIGNALS:
    void pointFound(quint64 runId, const loupe::LrVerifyPoint &point);
    void finished(quint64 runId, const loupe::LrVerifyOutcome &outcome);

protected:
    Status execute() override;
    void emitFinished() override;

private:
    LrVerifyRequest m_request;
    LrVerifyOutcome m_outcome;
};

// Registers LrVerifyOutcome and LrVerifyPoint for queued connections. Idempotent.
void registerLrVerifyMetaTypes();

} // namespace loupe
