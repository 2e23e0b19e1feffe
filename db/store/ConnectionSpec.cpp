#include "db/store/ConnectionSpec.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace loupe {
namespace {

std::string shown(const QString &text)
{
    return ConnectionSpec::redacted(text).toStdString();
}

Result<ConnectionSpec> parsePostgresUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return Status::invalidInput("invalid PostgreSQL URL '" + shown(text) + "': "
                                    + QString(url.errorString()).replace(text, ConnectionSpec::redacted(text)).toStdString());
    ConnectionSpec spec;
    spec.backend = StoreBackend::PostgreSql;
    spec.host = url.host(QUrl::FullyDecoded);
    if (spec.host.isEmpty())
        spec.host = QStringLiteral("localhost");
    spec.port = url.port(5432);
    if (spec.port <= 0 || spec.port > 65535)
        return Status::invalidInput("invalid port in PostgreSQL URL '" + shown(text) + "'");
    spec.user = url.userName(QUrl::FullyDecoded);
    spec.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.contains(QLatin1Char('/')))
        return Status::invalidInput("PostgreSQL URL '" + shown(text)
                                    + "' has a path with more than a database name");
    spec.database = path;

    QStringList options;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key.isEmpty() || key.contains(QLatin1Char(';')) || value.contains(QLatin1Char(';')))
            return Status::invalidInput("invalid connection option '" + key.toStdString()
                                        + "' in PostgreSQL URL '" + shown(text) + "'");
        options << key + QLatin1Char('=') + value;
    }
    spec.connectOptions = options.join(QLatin1Char(';'));
    return spec;
}

} // namespace

Result<ConnectionSpec> ConnectionSpec::parse(const QString &pathOrUrl)
{
    const QString text = pathOrUrl.trimmed();
    if (text.isEmpty())
        return Status::invalidInput("empty database location: give a file path or a "
                                    "postgresql://user@host:port/database URL");
    if (text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive))
        return parsePostgresUrl(text);

    ConnectionSpec spec;
    spec.backend = StoreBackend::Sqlite;
    if (text.startsWith(QLatin1String("sqlite://"), Qt::CaseInsensitive)) {
        spec.filePath = QUrl::fromPercentEncoding(text.mid(9).toUtf8());
        if (spec.filePath.isEmpty())
            return Status::invalidInput("SQLite URL '" + text.toStdString() + "' names no file");
        return spec;
    }
    const int schemeEnd = text.indexOf(QLatin1String("://"));
    if (schemeEnd > 0 && !text.left(schemeEnd).contains(QLatin1Char('/')))
        return Status::invalidInput("unsupported database URL scheme '" + text.left(schemeEnd).toStdString()
                                    + "' in '" + shown(text) + "' (use sqlite:// or postgresql://)");
    spec.filePath = text;
    return spec;
}

QString ConnectionSpec::displayName() const
{
    if (backend == StoreBackend::Sqlite)
        return filePath;
    QString name = QStringLiteral("postgresql://");
    if (!user.isEmpty())
        name += user + QLatin1Char('@');
    name += host + QLatin1Char(':') + QString::number(port) + QLatin1Char('/') + database;
    return name;
}

QString ConnectionSpec::displayNameOf(const QString &pathOrUrl)
{
    const Result<ConnectionSpec> spec = parse(pathOrUrl);
    return spec.isOk() ? spec.value().displayName() : redacted(pathOrUrl);
}

QString ConnectionSpec::redacted(const QString &pathOrUrl)
{
    // scheme://user:password@host...: keep the user, hide what follows the first ':' of the
    // user-info part. Works on text QUrl rejects too, so an error can quote a malformed URL.
    const int schemeEnd = pathOrUrl.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return pathOrUrl;
    const int authorityStart = schemeEnd + 3;
    int authorityEnd = pathOrUrl.indexOf(QLatin1Char('/'), authorityStart);
    if (authorityEnd < 0)
        authorityEnd = pathOrUrl.size();
    const int at = pathOrUrl.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
    if (at < authorityStart)
        return pathOrUrl;
    const int colon = pathOrUrl.indexOf(QLatin1Char(':'), authorityStart);
    if (colon < 0 || colon > at)
        return pathOrUrl;
    return pathOrUrl.left(colon + 1) + QStringLiteral("***") + pathOrUrl.mid(at);
}

} // namespace loupe
