#include "ui/search/TrialCurvesLoader.h"

#include "db/runs/RunRepository.h"
#include "db/store/Store.h"
#include "db/studies/StudyRepository.h"
#include "db/studies/TrialRepository.h"
#include "ui/common/StoredTrainRuns.h"

namespace loupe {

TrialCurvesLoader::TrialCurvesLoader(QString storage) : m_store(std::move(storage)) { }

Result<qint64> TrialCurvesLoader::studyId(const QString &studyName)
{
    if (m_studyId != 0 && studyName == m_studyName)
        return m_studyId;
    auto store = m_store.get();
    if (!store.isOk())
        return store.status();
    auto study = StudyRepository(*store.value()).find(studyName);
    if (!study.isOk())
        return study.status();
    if (!study.value())
        return Status::invalidInput("no study named '" + studyName.toStdString() + "' in " + storage().toStdString());
    m_studyName = studyName;
    m_studyId = study.value()->id;
    return m_studyId;
}

Result<TrialRunCurves> TrialCurvesLoader::load(const QString &studyName, int trialNumber)
{
    auto study = studyId(studyName);
    if (!study.isOk())
        return study.status();
    Store &store = *m_store.get().value();
    auto trial = TrialRepository(store).findNumber(study.value(), trialNumber);
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
    RunRepository runs(store);
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
