#pragma once
// The loop every stored-run reader (StoredCheckRuns, StoredLrFindRuns, StoredSnapshotRuns,
// StoredTrainRuns) shares: the workspace's runs of one kind, newest first, each turned into the
// reader's value type.
//
// Threading: runs SQL on the Store it is given, so it belongs on a worker (a WorkspaceReadJob). Only
// the readers' .cpp files include it; pages see the value types, never this.

#include "jobs/StoredRunSummary.h"

#include "core/util/Status.h"
#include "db/runs/RunRecord.h"
#include "db/runs/RunRepository.h"

#include <type_traits>
#include <vector>

namespace loupe {

class Store;

class StoredRunListing {
public:
    // The runs of `kind`, newest first, at most `limit` (0: all), each turned into a value by
    // describe(const RunRecord &). ensures: the store's error when the runs cannot be read.
    template <typename Describe, typename Run = std::invoke_result_t<Describe, const RunRecord &>>
    static Result<std::vector<Run>> list(Store &store, RunKind kind, int limit, Describe describe,
                                         RunRepository::TrialRuns trialRuns = RunRepository::TrialRuns::Include)
    {
        auto records = RunRepository(store).listRuns(kind, limit, trialRuns);
        if (!records.isOk())
            return records.status();
        std::vector<Run> runs;
        runs.reserve(records.value().size());
        for (const RunRecord &record : records.value())
            runs.push_back(describe(record));
        return runs;
    }

    // As list(), for value types that extend StoredRunSummary: the summary's id, start and status
    // come from the record, then complete(run, record) reads the kind's config and summary.
    template <typename Run, typename Complete>
    static Result<std::vector<Run>> listSummaries(Store &store, RunKind kind, int limit, Complete complete)
    {
        static_assert(std::is_base_of_v<StoredRunSummary, Run>);
        return list(store, kind, limit, [&complete](const RunRecord &record) {
            Run run;
            static_cast<StoredRunSummary &>(run) = StoredRunSummary::of(record);
            complete(run, record);
            return run;
        });
    }
};

} // namespace loupe
