#pragma once
// What every list of stored runs shows of a run: the id, when it started and its status (from the
// record), and the data and the spec's name, which each Stored*Runs reader takes from its kind's
// config with that kind's own reader. The readers extend it with what their kind stores
// (StoredRunListing reads them). A copyable value: it crosses threads in a workspace read's reply.

#include "db/runs/RunRecord.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace loupe {

struct StoredRunSummary {
    qint64 id = 0;
    QDateTime startedAt; // local time
    QString status;      // runStatusName
    QString statusReason; // why it ended so: a failed run's error, an interrupted run's reason ("the
                          // process 1234 on host X ended without finishing"); empty for completed runs
    QString dataSource;  // the config's "data": "fashion-mnist", a CSV's name or path
    QString specName;    // the config's "spec"."name"; empty when the run has no spec
    bool interrupted = false; // its process ended without finishing it (RunStatus::Interrupted)

    // The id, start, status and its reason of `record`; the reader fills dataSource and specName.
    static StoredRunSummary of(const RunRecord &record);
    // A stored JSON text as an object; empty for empty, malformed or non-object text.
    static QJsonObject jsonObject(const QString &json);
};

} // namespace loupe
