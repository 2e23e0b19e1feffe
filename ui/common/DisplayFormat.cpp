#include "ui/common/DisplayFormat.h"

#include "core/data/DateTime.h"

#include <QLocale>

#include <cmath>

namespace loupe {

QString formatCount(quint64 count)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(count);
}

QString formatNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (value == std::trunc(value) && std::abs(value) < 1e15)
        return formatCount(quint64(std::abs(value))).prepend(value < 0 ? QStringLiteral("-") : QString());
    return QString::number(value, 'g', 7);
}

QString displaySeconds(double seconds)
{
    if (seconds < 1.0)
        return QStringLiteral("%1 ms").arg(QString::number(seconds * 1000.0, 'f', 0));
    return QStringLiteral("%1 s").arg(QString::number(seconds, 'f', seconds < 10.0 ? 2 : 1));
}

QString formatDuration(double seconds)
{
    if (!(seconds >= 0.0) || !std::isfinite(seconds))
        return QStringLiteral("—");
    const auto whole = qint64(std::llround(seconds));
    if (whole < 60)
        return QStringLiteral("%1 s").arg(whole);
    if (whole < 3600)
        return QStringLiteral("%1:%2").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3")
        .arg(whole / 3600)
        .arg((whole / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(whole % 60, 2, 10, QLatin1Char('0'));
}

QString formatStatistic(double value, ColumnType type)
{
    if (!std::isfinite(value))
        return formatNumber(value);
    switch (type) {
    case ColumnType::DateTime:
        return QString::fromStdString(formatDateTime(static_cast<std::int64_t>(std::llround(value))));
    case ColumnType::Bool:
        if (value == 0.0)
            return QStringLiteral("false");
        if (value == 1.0)
            return QStringLiteral("true");
        return formatNumber(value);
    default:
        return formatNumber(value);
    }
}

QString formatSpread(double value, ColumnType type)
{
    if (type != ColumnType::DateTime || !std::isfinite(value))
        return formatNumber(value);
    const double seconds = value / double(kNanosPerSecond);
    if (seconds >= 86400.0)
        return QStringLiteral("%1 days").arg(QString::number(seconds / 86400.0, 'g', 4));
    if (seconds >= 3600.0)
        return QStringLiteral("%1 h").arg(QString::number(seconds / 3600.0, 'g', 4));
    if (seconds >= 60.0)
        return QStringLiteral("%1 min").arg(QString::number(seconds / 60.0, 'g', 4));
    return QStringLiteral("%1 s").arg(QString::number(seconds, 'g', 4));
}

QString formatCountWithShare(quint64 count, quint64 total)
{
    if (total == 0)
        return formatCount(count);
    const double percent = 100.0 * double(count) / double(total);
    const int decimals = (percent > 0.0 && percent < 0.1) ? 3 : 1;
    return QStringLiteral("%1 (%2 %)").arg(formatCount(count), QString::number(percent, 'f', decimals));
}

} // namespace loupe
