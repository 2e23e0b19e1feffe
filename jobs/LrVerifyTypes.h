#pragma once
// The value types LrVerifyJob sends across threads (copyable; registered as Qt meta types).

#include "jobs/TrainTypes.h"
#include "core/lr/LrVerifier.h"

#include <QMetaType>
#include <QString>

namespace loupe {

// What to verify: the rates (options.rates) and seeds (options.seeds; empty = the spec's seed after
// the overrides) on `data`, which says which rows and which spec (its overrides of epochs, batch
// size and seed apply; its learning rate is replaced by each rate).
struct LrVerifyRequest {
    LrVerifyOptions options;
    TrainRequest data;
};

struct LrVerifyOutcome {
    LrVerifyResult result;
    QString specName;
    qint64 storedRunId = 0; // the workspace's run, 0 when not recorded
    QString workspaceNote;  // why it was not recorded, empty otherwise
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::LrVerifyOutcome)
Q_DECLARE_METATYPE(loupe::LrVerifyPoint)
