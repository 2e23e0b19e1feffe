#pragma once
// Timestamps as stored in the workspace: TEXT, ISO 8601, UTC, milliseconds,
// e.g. "2024-05-01T12:34:56.789Z". The fixed width makes string order equal time order on
// SQLite and PostgreSQL alike.

#include <QDateTime>
#include <QString>

namespace loupe {

class UtcTimestamp {
public:
    static QString now();
    // requires: time.isValid()
    static QString format(const QDateTime &time);
    // ensures: an invalid QDateTime for an empty or malformed text; otherwise UTC.
    static QDateTime parse(const QString &text);
};

} // namespace loupe
