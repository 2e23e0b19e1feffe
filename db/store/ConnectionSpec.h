#pragma once
// Where a Store lives, parsed from what a user types after --db / --storage.
//
// Accepted forms:
//   /abs/path/workspace.sqlite, relative/path.sqlite   plain SQLite file path
//   sqlite:///abs/path/workspace.sqlite                  SQLite URL (three slashes: absolute path)
//   sqlite://relative/path.sqlite                        SQLite URL with a relative path
//   :memory:                                             private in-memory SQLite database
//   postgresql://user:password@host:port/database?key=value&...   (also postgres://)
//     host defaults to localhost, port to 5432; user, password and database may be omitted
//     (libpq then uses its environment: PGUSER, PGPASSWORD, PGDATABASE, ~/.pgpass).
//     Query items are passed to libpq as connection options (sslmode, connect_timeout,
//     application_name, host=/unix/socket/dir, ...). Percent-encoding is decoded.

#include "core/util/Status.h"
#include "db/store/StoreBackend.h"

#include <QString>

namespace loupe {

struct ConnectionSpec {
    StoreBackend backend = StoreBackend::Sqlite;
    QString filePath;       // SQLite: the database file (or ":memory:")
    QString host;           // PostgreSQL only
    int port = 5432;        // PostgreSQL only
    QString user;           // PostgreSQL only
    QString password;       // PostgreSQL only; never part of displayName()
    QString database;       // PostgreSQL only
    QString connectOptions; // PostgreSQL only: "key=value;key=value" for QSqlDatabase

    // ensures: on success backend and its fields are set; on failure the message quotes the input.
    static Result<ConnectionSpec> parse(const QString &pathOrUrl);
    // pathOrUrl with any password in a URL's user-info replaced by "***" (also for text that does
    // not parse), for every message, log line, JSON document or stored row that quotes a location.
    static QString redacted(const QString &pathOrUrl);
    // How to show a location the user typed: its displayName() when it parses, else redacted().
    static QString displayNameOf(const QString &pathOrUrl);

    // The location for messages: the file path, or postgresql://user@host:port/database
    // (without the password).
    QString displayName() const;
    bool isInMemory() const { return backend == StoreBackend::Sqlite && filePath == QLatin1String(":memory:"); }
};

} // namespace loupe
