#pragma once
// Splits a migration script into single statements (QSqlQuery runs one statement at a time).

#include <QString>
#include <QStringList>

namespace loupe {

class SqlScript {
public:
    // Splits on ';' outside '...' strings, "..." identifiers, -- line comments and /* */ block
    // comments. Comments are dropped, statements are trimmed, empty statements are skipped.
    // requires: no BEGIN ... END bodies (triggers), whose inner ';' would be split.
    static QStringList split(const QString &script);
};

} // namespace loupe
