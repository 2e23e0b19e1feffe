#include "db/store/UtcTimestamp.h"

#include <QTimeZone>

namespace loupe {

QString UtcTimestamp::now()
{
    return format(QDateTime::currentDateTimeUtc());
}

QString UtcTimestamp::format(const QDateTime &time)
{
    Q_ASSERT(time.isValid());
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz'Z'"));
}

QDateTime UtcTimestamp::parse(const QString &text)
{
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace loupe
