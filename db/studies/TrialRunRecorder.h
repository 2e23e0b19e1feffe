#pragma once
// TrialRunRecorder: stores the training behind each trial of a training search (a model-spec
// template evaluated by TrainingObjective) as a 'train' run in the database the trials live in,
// and links it to its trial (trials.run_id), so the Search page and `loupe-cli search --json`
// can show a trial's training curves.
//
// While the recorder lives it is the objective's trained callback. Each call runs on the thread
// that evaluated the trial, through that thread's connection of the SqlTrialStore (Qt Sql
// connections belong to a thread), and writes in ONE transaction: the run (config = the
// instantiated spec, summary = TrainingReport's summary plus "search": {"study_id", "trial"}),
// every completed epoch (1-based; loss, accuracy, val_loss, val_accuracy, lr, seconds) and the
// link. A killed process therefore leaves the run whole or absent. Failed, diverged and
// interrupted trainings are stored too, with the epochs they completed and the status
// (failed / diverged / cancelled). Per-step losses are not stored (the outcome has none).
// A storage error never fails the trial: the first one is kept (firstError()) and the search goes on.

#include "core/util/Status.h"

#include <QString>

#include <map>
#include <mutex>
#include <optional>

namespace loupe {

struct ModelSpec;
class SqlTrialStore;
class TrainingObjective;
struct TrainingData;
struct TrainingOutcome;

class TrialRunRecorder {
public:
    // Installs itself as `objective`'s trained callback; the destructor removes it.
    // requires: objective, store and data outlive the recorder; data is what the objective trains on.
    TrialRunRecorder(TrainingObjective &objective, SqlTrialStore &store, const TrainingData &data);
    ~TrialRunRecorder();
    TrialRunRecorder(const TrialRunRecorder &) = delete;
    TrialRunRecorder &operator=(const TrialRunRecorder &) = delete;

    // Stores one trained trial as described above and returns the run id.
    // requires: called on the thread that reserved the trial, before it is finished.
    // ensures: InvalidInput when the calling thread has no reserved trial; the store's error otherwise.
    Result<qint64> record(const ModelSpec &spec, const TrainingOutcome &outcome);

    // The run recorded for trial `number` by this recorder, if any (thread-safe).
    std::optional<qint64> runOf(int number) const;
    // The first storage error of the trained callback, or Ok (thread-safe).
    Status firstError() const;

private:
    TrainingObjective &m_objective;
    SqlTrialStore &m_store;
    const TrainingData &m_data;
    mutable std::mutex m_mutex;
    std::map<int, qint64> m_runs; // trial number -> run id
    Status m_firstError;
};

} // namespace loupe
