#pragma once
// The value types LrFindJob sends across threads (copyable; registered as Qt
// meta types).

#include "jobs/TrainTypes.h"
#include "core/lr/LrFindResult.h"
#include "core/lr/LrFindSettings.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace loupe {

// What to search on and how: the finder's settings (mode, range, onePass) and
// `data`, which says which rows and which spec (its overrides of batch size and
// seed apply; epochs and learning rate do not matter to a finder). The finders'
// seeds are replaced by the spec's seed after the overrides, as the CLI does.
struct LrFindRequest : LrFindSettings {
    TrainRequest data;
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

} // namespace loupe

Q_DECLARE_METATYPE(loupe::LrFindOutcome)
Q_DECLARE_METATYPE(loupe::LrPoint)
