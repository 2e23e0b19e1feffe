#include "db/store/SqlScript.h"

namespace loupe {
namespace {

// Index just past the end of the quoted run that starts at `start` (a quote character);
// a doubled quote inside the run is an escaped quote.
qsizetype skipQuoted(const QString &script, qsizetype start)
{
    const QChar quote = script.at(start);
    qsizetype i = start + 1;
    while (i < script.size()) {
        if (script.at(i) == quote) {
            if (i + 1 < script.size() && script.at(i + 1) == quote) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return script.size();
}

void flush(QString &current, QStringList &statements)
{
    const QString statement = current.trimmed();
    if (!statement.isEmpty())
        statements << statement;
    current.clear();
}

} // namespace

QStringList SqlScript::split(const QString &script)
{
    QStringList statements;
    QString current;
    qsizetype i = 0;
    const qsizetype n = script.size();
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const qsizetype end = skipQuoted(script, i);
            current += script.mid(i, end - i);
            i = end;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const qsizetype end = script.indexOf(QLatin1Char('\n'), i);
            i = end < 0 ? n : end;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = script.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += QLatin1Char(' ');
        } else if (c == QLatin1Char(';')) {
            flush(current, statements);
            ++i;
        } else {
            current += c;
            ++i;
        }
    }
    flush(current, statements);
    return statements;
}

} // namespace loupe
