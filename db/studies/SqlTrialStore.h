#pragma once
// SqlTrialStore: core's TrialStore for one study in a workspace database (SQLite file or
// PostgreSQL), for Study's worker threads and for many processes on many machines.
//
// Connections: Qt Sql connections belong to a thread, so each calling thread gets its own Store
// on `location`, opened on its first call. A worker thread that used the store must call
// releaseThreadConnection() before it ends (the thread that destroys the store need not).
// Heartbeats: every trial this object reserves is kept alive by its TrialHeartbeat thread until
// it is finished or abandoned.
// Params are stored as TrialParams::toJson(space) (choice indices, hyperopt's vals).
// Reads: the store keeps the study's trials in memory (TrialView) and each trials(), reserve() or
// counts() reads only the rows changed since the previous read (by the study's change number),
// so a suggestion costs no read proportional to the study's size. reserve() catches up and takes
// the next number in the transaction that holds the study's lock, so its budget check is exact.

#include "core/search/SearchSpace.h"
#include "core/search/TrialStore.h"
#include "db/studies/TrialHeartbeat.h"
#include "db/studies/TrialRecord.h"
#include "db/studies/TrialView.h"

#include <QString>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace loupe {

class Store;
class TrialRepository;

class SqlTrialStore : public TrialStore {
public:
    // requires: studyId names a study in `location`; `space` is the study's space and outlives
    // the store. workerName identifies this process in the trials table (e.g. host:pid); each
    // thread appends "/N".
    SqlTrialStore(QString location, qint64 studyId, const SearchSpace &space, QString workerName,
                  std::chrono::milliseconds heartbeatInterval = TrialHeartbeat::defaultInterval);
    ~SqlTrialStore() override;

    Result<std::optional<int>> reserve(const TrialParams &params, int maxTrials, BudgetRule rule) override;
    // A trial reaped while its worker was only slow is still finished (the late result is kept).
    Status finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                  double seconds) override;
    // The in-memory trials, after reading what changed since the last read.
    Result<std::vector<Trial>> trials() const override;

    // Ends a trial this object reserved as an abandoned FAIL (e.g. "interrupted"): it does not
    // count toward the budget and is redone.
    Status abandon(int number, const QString &reason);
    // Marks the study's RUNNING trials without a heartbeat for `grace` as abandoned FAIL
    // ("worker lost (no heartbeat since T)"). Returns how many.
    Result<int> reapStale(std::chrono::milliseconds grace);
    // From the in-memory view, after reading what changed since the last read.
    Result<TrialCounts> counts() const;
    // The study's change number the in-memory view has read up to (0 before the first read).
    qint64 lastChangeRead() const;
    // What keeping the view current has cost so far (for bench/search and diagnostics).
    struct ReadCost {
        int reads = 0;            // catch-up queries (one per trials(), counts() and reserve())
        qint64 rowsRead = 0;      // rows they returned
        double readSeconds = 0.0; // time in those queries and in applying their rows
        double copySeconds = 0.0; // time trials() spent copying the view out (TrialStore returns a vector)
    };
    ReadCost readCost() const;
    // The stored rows (with worker, timestamps, abandoned flag) in number order.
    Result<std::vector<TrialRecord>> records() const;

    // Closes the calling thread's connection, if it has one.
    void releaseThreadConnection();

    // The trial the calling thread reserved last and has not finished or abandoned yet: what an
    // objective running on that thread is evaluating (e.g. to link its training run to it).
    struct ReservedTrial {
        int number = -1;
        qint64 id = 0; // the trials row
    };
    std::optional<ReservedTrial> currentTrial() const;
    // The calling thread's connection to the study's database (opened on first use; closed by
    // releaseThreadConnection), for writes that belong with the trials, such as their runs.
    Result<Store *> connection() const { return threadStore(); }

    qint64 studyId() const { return m_studyId; }
    const QString &location() const { return m_location; }
    Status heartbeatError() const { return m_heartbeat.lastError(); }

private:
    struct ThreadConnection {
        std::unique_ptr<Store> store;
        int ordinal = 0;
        std::optional<ReservedTrial> current; // see currentTrial()
    };
    // The calling thread's Store, opened on first use.
    Result<Store *> threadStore() const;
    QString threadWorkerName() const;
    std::optional<qint64> runningTrialId(int number) const;
    // Sets (or, with nullopt, clears when it is `number`) the calling thread's current trial.
    void setCurrentTrial(int number, std::optional<qint64> id);
    // A trial this object reserved has ended (finished or abandoned): no more heartbeats for it.
    void forgetTrial(int number, qint64 id);

    const QString m_location;
    const qint64 m_studyId;
    const SearchSpace &m_space;
    const QString m_workerName;
    mutable std::mutex m_mutex;
    mutable std::map<std::thread::id, ThreadConnection> m_connections;
    mutable int m_nextOrdinal = 0;
    std::map<int, qint64> m_running; // number -> trial id, for the trials this object reserved
    // Reads the rows changed since the view's last change into it. requires: m_viewMutex held.
    Status catchUp(TrialRepository &repository) const;
    mutable std::mutex m_viewMutex; // taken after a transaction's lock, never before one
    mutable TrialView m_view;
    mutable ReadCost m_readCost; // guarded by m_viewMutex
    TrialHeartbeat m_heartbeat;
};

// Parses a stored params JSON against the space.
// ensures: InvalidInput naming the trial number when the JSON is bad or does not fit the space.
Result<TrialParams> parseTrialParams(int number, const QString &paramsJson, const SearchSpace &space);
// Converts a stored row to core's Trial (params parsed against the space).
// ensures: InvalidInput naming the trial number when its params do not fit the space.
Result<Trial> toTrial(const TrialRecord &record, const SearchSpace &space);

// "host:pid", for worker names.
QString defaultWorkerName();

} // namespace loupe
