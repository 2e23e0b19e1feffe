#pragma once
// Reads the training curves of one trial of a stored study for the Search page: the trial's
// state and the per-epoch metrics of the 'train' run linked to it (TrialRunRecorder writes them).
// A read is a handful of indexed queries (the study by name, the trial by number, the run and its
// epochs), cheap enough for a click even while a search writes to the same database.
//
// Threading: runs SQL on the Store it is given; the Search page calls it through a
// WorkspaceReader, on a worker thread.

#include "jobs/RunCurves.h"

#include "core/search/Trial.h"
#include "core/util/Status.h"

#include <QString>

#include <optional>

namespace loupe {

class Store;

struct TrialRunCurves {
    bool trialFound = false;               // false: the study has no trial with that number (yet)
    TrialState state = TrialState::Running;
    std::optional<double> loss;
    std::optional<RunCurves> curves;       // the linked run's epochs; nullopt when no run is linked
    QString runStatus;                     // the run's status ("completed", "diverged", ...)
};

class StoredTrialCurves {
public:
    // requires: store outlives this reader and belongs to the calling thread.
    explicit StoredTrialCurves(Store &store) : m_store(store) {}

    // Trial `trialNumber` of the study named `studyName`, with its run's curves if one is linked.
    // ensures: InvalidInput naming the study when no study has that name; the store's error otherwise.
    Result<TrialRunCurves> read(const QString &studyName, int trialNumber);

private:
    Store &m_store;
};

} // namespace loupe
