#pragma once
// What every list of stored runs shows of a run, read from its record and its config JSON: the id,
// when it started, its status and, for runs of a model spec on some data (lr-find, snapshot), the
// data and the spec's name. The Stored*Runs readers extend it with what their kind stores
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
    QString dataSource;  // the config's "data": "fashion-mnist", a CSV's name or path
    QString specName;    // the config's "spec"."name"; empty when the run has no spec

    // The summary of `record`, whose config JSON is `config`.
    static StoredRunSummary of(const RunRecord &record, const QJsonObject &config);
    // A stored JSON text as an object; empty for empty, malformed or non-object text.
    static QJsonObject jsonObject(const QString &json);
};

} // namespace loupe
