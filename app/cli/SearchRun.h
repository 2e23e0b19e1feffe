#pragma once
// Runs a stored study in this process for loupe-cli search and worker: the sampler named by the
// study, an SqlTrialStore on `location`, a StudyRunner with --jobs threads and --grace; Ctrl-C /
// SIGTERM cancel it (the running trials end as abandoned FAIL "interrupted"). In text mode each
// finished trial is printed as it ends. Training searches record each trial's training as a
// 'train' run in the same database, linked to the trial (TrialRunRecorder).

#include "core/search/Trial.h"
#include "core/util/Status.h"
#include "db/studies/StudyRecord.h"
#include "db/studies/StudyRunner.h"

#include <QString>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace loupe::cli {

class CliContext;
class SearchSetup;
class ParsedArguments;

struct SearchRunOptions {
    int jobs = 1;
    std::chrono::milliseconds grace{10000};
    QString workerName;       // trials.worker; "" for the default host:pid
    bool perWorkerSeed = false; // workers of a shared study: mix the worker's name into the seed

    // --jobs and --grace SECONDS as search and worker declare them (defaults 1 and 10 s).
    static SearchRunOptions fromArguments(const ParsedArguments &arguments);
};

struct SearchRunResult {
    StudyRunSummary summary;
    std::vector<Trial> trials; // every trial of the study after the run, by number
    std::optional<Trial> best;
    std::map<int, std::int64_t> runIds; // trial number -> its recorded training run (training searches)
};

// requires: study.maxEvals is set; setup was built for this study.
// Fails only when the sampler cannot be built or the trials cannot be read back; a run stopped
// by a store failure or cancellation reports it in summary.status.
Result<SearchRunResult> runStudy(const QString &location, const StudyRecord &study, SearchSetup &setup,
                                 const SearchRunOptions &options, CliContext &context);

} // namespace loupe::cli
