#pragma once
// The value types LrFindJob sends across threads (copyable; registered as Qt
// meta types).

#include "jobs/TrainTypes.h"
#include "core/lr/LrFindResult.h"
#include "core/lr/OnePassFinder.h"
#include "core/lr/RangeTest.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace loupe {

// What to search on and how. `data` says which rows and which spec (its
// overrides of batch size and seed apply; epochs and learning rate do not
// matter to a finder). The finders' seeds are replaced by the spec's seed after
// the overrides, as the CLI does.
struct LrFindRequest {
    TrainRequest data;
    LrFindMode mode = LrFindMode::OnePass;
    RangeTestOptions range;
    OnePassOptions onePass;
};

// How a search ended. A search that found no rate to recommend still arrives
// here.
struct LrFindOutcome {
    LrFindResult result;
    QString specName;
    QString dataDescription;
    QDateTime finishedAt;   // local time, for the legend
    qint64 storedRunId = 0; // the workspace's 'lr-find' run, 0 when not recorded
    QString workspaceNote;  // why it was not recorded, empty otherwise
};

// The JSON the CLI stores as an lr-find run's summary (and prints with --json):
// {"mode", "points": [{"lr", "loss", "raw_loss" (one pass), "diverged"}],
// "suggestions": {...},
//  "seconds", "status"}.
std::string lrFindSummaryJson(const LrFindResult &result);
// The inverse, for stored runs: points, suggestions, mode and seconds;
// InvalidInput naming the key.
Result<LrFindResult> lrFindResultFromJson(const std::string &summaryJson);

} // namespace loupe

Q_DECLARE_METATYPE(loupe::LrFindOutcome)
Q_DECLARE_METATYPE(loupe::LrPoint)
