#include "ui/common/PlotValueFormat.h"

#include "ui/common/DisplayFormat.h"

#include "core/data/DateTime.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// Significant digits so that two values a hundredth of the visible span apart still read differently.
int digitsForSpan(double value, double span)
{
    if (!(span > 0.0) || !std::isfinite(span))
        return 5;
    const double magnitude = std::max(std::abs(value), span);
    return std::clamp(int(std::ceil(std::log10(magnitude / span))) + 3, 4, 15);
}

} // namespace

QString PlotValueFormat::format(const QCPAxis *axis, double value)
{
    if (!std::isfinite(value))
        return formatNumber(value);
    const QSharedPointer<QCPAxisTicker> ticker = axis->ticker();
    if (auto *dates = dynamic_cast<QCPAxisTickerDateTime *>(ticker.data())) {
        const auto nanos = value * double(kNanosPerSecond);
        QString text = formatStatistic(std::round(nanos), ColumnType::DateTime);
        if (!dates->dateTimeFormat().contains(QLatin1Char('h')) && text.endsWith(QLatin1String(" 00:00:00")))
            text.chop(9);
        return text;
    }
    if (auto *labels = dynamic_cast<QCPAxisTickerText *>(ticker.data())) {
        const QMap<double, QString> &ticks = labels->ticks();
        auto nearest = ticks.cend();
        for (auto it = ticks.cbegin(); it != ticks.cend(); ++it)
            if (std::abs(it.key() - value) <= 0.5 && (nearest == ticks.cend() || std::abs(it.key() - value) < std::abs(nearest.key() - value)))
                nearest = it;
        if (nearest != ticks.cend())
            return nearest.value();
    }
    const QChar style = axis->numberFormat().isEmpty() ? QLatin1Char('g') : axis->numberFormat().front();
    if (style == QLatin1Char('e'))
        return QString::number(value, 'e', 2);
    if (value == std::trunc(value) && std::abs(value) < 1e15)
        return formatNumber(value);
    if (axis->scaleType() == QCPAxis::stLogarithmic)
        return QString::number(value, 'g', 4);
    return QString::number(value, 'g', digitsForSpan(value, axis->range().size()));
}

QString PlotValueFormat::name(const QCPAxis *axis)
{
    QString label = axis->label().simplified();
    if (label.endsWith(QLatin1Char(')'))) {
        const int open = label.lastIndexOf(QLatin1String(" ("));
        if (open > 0)
            label.truncate(open);
    }
    if (label.isEmpty())
        return axis->orientation() == Qt::Horizontal ? QStringLiteral("x") : QStringLiteral("y");
    return label;
}

} // namespace loupe
