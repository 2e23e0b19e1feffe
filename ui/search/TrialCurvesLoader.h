#pragma once
// Reads the training curves of one trial of a stored study for the Search page: the trial's
// state and the per-epoch metrics of the 'train' run linked to it (TrialRunRecorder writes them).
// Opens its own Store on first use, on the thread that calls it (the UI thread), and keeps it
// open. A load is a handful of indexed queries (the study by name, the trial by number, the run
// and its epochs), cheap enough for a click even while a search writes to the same database.

#include "ui/common/LazyStore.h"
#include "ui/common/TrainCurves.h"

#include "core/search/Trial.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {

struct TrialRunCurves {
    bool trialFound = false;               // false: the study has no trial with that number (yet)
    TrialState state = TrialState::Running;
    std::optional<double> loss;
    std::optional<RunCurves> curves;       // the linked run's epochs; nullopt when no run is linked
    QString runStatus;                     // the run's status ("completed", "diverged", ...)
};

class TrialCurvesLoader {
public:
    // storage: the Store location the study lives in (workspace, sqlite:///..., postgresql://...).
    explicit TrialCurvesLoader(QString storage);

    const QString &storage() const { return m_store.workspace(); }
    // Trial `trialNumber` of the study named `studyName`, with its run's curves if one is linked.
    // ensures: InvalidInput naming the study when no study has that name; the store's error otherwise.
    Result<TrialRunCurves> load(const QString &studyName, int trialNumber);

private:
    Result<qint64> studyId(const QString &studyName);

    LazyStore m_store;
    QString m_studyName; // the study m_studyId belongs to
    qint64 m_studyId = 0;
};

} // namespace loupe
