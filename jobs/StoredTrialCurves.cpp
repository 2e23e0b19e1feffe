#include "jobs/StoredTrialCurves.h"

#include "jobs/StoredTrainRuns.h"

#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"

namespace loupe {

Result<TrialRunCurves> StoredTrialCurves::read(const QString &studyName, int trialNumber)
{
    auto study = StudyRepository(m_store).find(studyName);
    if (!study.isOk())
        return study.status();
    if (!study.value())
        return Status::invalidInput("no study named '" + studyName.toStdString() + "' in "
                                    + m_store.location().toStdString());
    auto trial = TrialRepository(m_store).findNumber(study.value()->id, trialNumber);
    if (!trial.isOk())
        return trial.status();
    TrialRunCurves result;
    if (!trial.value())
        return result;
    result.trialFound = true;
    result.state = trial.value()->state;
    result.loss = trial.value()->loss;
    if (!trial.value()->runId)
        return result;
    RunRepository runs(m_store);
    auto run = runs.findRun(*trial.value()->runId);
    if (!run.isOk())
        return run.status();
    if (!run.value())
        return result; // the run was deleted (the link is cleared by ON DELETE SET NULL)
    auto curves = StoredTrainRuns::readCurves(runs, *run.value(), QStringLiteral("trial #%1").arg(trialNumber));
    if (!curves.isOk())
        return curves.status();
    result.runStatus = runStatusName(run.value()->status);
    result.curves = curves.takeValue();
    return result;
}

} // namespace loupe
