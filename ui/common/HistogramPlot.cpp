#include "ui/common/HistogramPlot.h"

#include "ui/common/DisplayFormat.h"
#include "ui/common/PlotTitle.h"

#include "core/data/DateTime.h"

#include <QAction>
#include <QMenu>
#include <QTimeZone>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

constexpr int kMaxLabelChars = 18;
const QColor kBarFill(70, 130, 180, 200);
const QColor kBarLine(40, 80, 120);

bool isHistogramType(ColumnType type)
{
    return type == ColumnType::Int64 || type == ColumnType::Float64 || type == ColumnType::DateTime;
}

QString elided(const QString &text)
{
    return text.size() <= kMaxLabelChars ? text : text.left(kMaxLabelChars - 1) + QStringLiteral("…");
}

double nanosToSeconds(double nanos)
{
    return nanos / double(kNanosPerSecond);
}

QString dateTimeFormatForSpan(double seconds)
{
    if (seconds > 3 * 86400.0)
        return QStringLiteral("yyyy-MM-dd");
    if (seconds > 3600.0)
        return QStringLiteral("MM-dd\nhh:mm");
    return QStringLiteral("hh:mm:ss");
}

} // namespace

HistogramPlot::HistogramPlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    m_title = addTitle(QString());

    m_bars = new QCPBars(plot->xAxis, plot->yAxis);
    m_bars->setPen(QPen(kBarLine));
    m_bars->setBrush(kBarFill);
    m_bars->setName(tr("rows"));

    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(Qt::darkGray);
    showMessage(tr("Select a column to see its distribution"));
}

int HistogramPlot::barCount() const
{
    return m_bars->data()->size();
}

double HistogramPlot::barTop(int index) const
{
    return m_bars->baseValue() + (m_bars->data()->constBegin() + index)->value;
}

QString HistogramPlot::title() const
{
    return m_title->text();
}

void HistogramPlot::resetAxes()
{
    QCustomPlot *plot = customPlot();
    m_bars->data()->clear();
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setTickLabelRotation(0);
        axis->setRangeReversed(false);
        axis->setLabel(QString());
        axis->setScaleType(QCPAxis::stLinear);
        axis->setNumberFormat(QStringLiteral("gbd"));
        axis->setNumberPrecision(6);
        axis->grid()->setVisible(true);
    }
    m_bars->setBaseValue(0.0);
}

HistogramPlot::CountScale HistogramPlot::suggestedCountScale(const std::vector<std::uint64_t> &counts)
{
    const std::uint64_t tallest = counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
    int nonEmpty = 0;
    int tooShort = 0;
    for (std::uint64_t count : counts) {
        if (count == 0)
            continue;
        ++nonEmpty;
        if (double(count) < 0.01 * double(tallest))
            ++tooShort;
    }
    return 2 * tooShort > nonEmpty ? CountScale::Logarithmic : CountScale::Linear;
}

void HistogramPlot::setCountScale(CountScale scale)
{
    m_scale = scale;
    redraw();
}

void HistogramPlot::applyCountScale(QCPAxis *countAxis, double maxCount)
{
    if (m_scale == CountScale::Logarithmic) {
        countAxis->setScaleType(QCPAxis::stLogarithmic);
        countAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
        countAxis->setNumberFormat(QStringLiteral("f")); // 1, 10, ..., 1000000: one style for all ticks
        countAxis->setNumberPrecision(0);
        // Bars start at 0.5 (log(0) has no place), so a count of 1 still shows as a bar. QCPBars draws
        // from the base to base + value: lower each value by the base so the top sits at the count.
        constexpr double base = 0.5;
        m_bars->setBaseValue(base);
        for (auto bar = m_bars->data()->begin(); bar != m_bars->data()->end(); ++bar)
            bar->value -= base;
        countAxis->setRange(0.5, std::max(maxCount, 1.0) * 2.0);
        countAxis->setLabel(tr("rows (log scale)"));
    } else {
        countAxis->setRange(0, maxCount > 0 ? maxCount * 1.08 : 1.0);
        countAxis->setLabel(tr("rows"));
    }
}

void HistogramPlot::addPlotActions(QMenu *menu)
{
    if (m_kind == Kind::Empty)
        return;
    QAction *logarithmic = menu->addAction(tr("Logarithmic count axis"));
    logarithmic->setCheckable(true);
    logarithmic->setChecked(m_scale == CountScale::Logarithmic);
    connect(logarithmic, &QAction::toggled, this, [this](bool checked) {
        setCountScale(checked ? CountScale::Logarithmic : CountScale::Linear);
    });
}

void HistogramPlot::showMessage(const QString &message)
{
    resetView();
    resetAxes();
    m_kind = Kind::Empty;
    m_stats = ColumnStats();
    m_selected.clear();
    showSelection();
    m_title->setText(QString());
    m_message->setText(message);
    m_message->setVisible(true);
    customPlot()->xAxis->setRange(0, 1);
    customPlot()->yAxis->setRange(0, 1);
    requestReplot();
}

void HistogramPlot::showStats(const ColumnStats &stats)
{
    resetView(); // another column: the previous zoom means nothing here
    m_stats = stats;
    m_selected.clear();
    const QString name = QString::fromStdString(stats.name);
    setExportName(QStringLiteral("distribution-%1").arg(name));
    std::vector<std::uint64_t> counts;
    if (isHistogramType(stats.type) && !stats.histogram.empty()) {
        m_kind = Kind::Histogram;
        for (const HistogramBin &bin : stats.histogram)
            counts.push_back(bin.count);
    } else if (!isHistogramType(stats.type) && !stats.topValues.empty()) {
        m_kind = Kind::TopValues;
        for (const CategoryCount &entry : stats.topValues)
            counts.push_back(entry.count);
    } else {
        showMessage(tr("No values to plot in “%1”").arg(name));
        return;
    }
    m_scale = suggestedCountScale(counts);
    redraw();
}

void HistogramPlot::redraw()
{
    if (m_kind == Kind::Empty)
        return;
    resetAxes();
    m_message->setVisible(false);
    if (m_kind == Kind::Histogram)
        drawHistogram();
    else
        drawTopValues();
    showSelection(); // the bar tops move with the count scale
    requestReplot();
}

void HistogramPlot::drawHistogram()
{
    QCustomPlot *plot = customPlot();
    m_bars->setKeyAxis(plot->xAxis);
    m_bars->setValueAxis(plot->yAxis);
    const bool dates = m_stats.type == ColumnType::DateTime;
    QVector<double> keys, values;
    double maxCount = 0;
    const bool logarithmic = m_scale == CountScale::Logarithmic;
    for (const HistogramBin &bin : m_stats.histogram) {
        if (logarithmic && bin.count == 0)
            continue; // nothing to draw, and log(0) has no place on the axis
        const double lower = dates ? nanosToSeconds(bin.lower) : bin.lower;
        const double upper = dates ? nanosToSeconds(bin.upper) : bin.upper;
        keys.append(0.5 * (lower + upper));
        values.append(double(bin.count));
        maxCount = std::max(maxCount, double(bin.count));
    }
    const HistogramBin &first = m_stats.histogram.front();
    const HistogramBin &last = m_stats.histogram.back();
    double lower = dates ? nanosToSeconds(first.lower) : first.lower;
    double upper = dates ? nanosToSeconds(last.upper) : last.upper;
    double width = (upper - lower) / double(m_stats.histogram.size());
    if (!(width > 0)) { // every value equal: one bar of unit width
        width = 1.0;
        lower -= 0.5;
        upper += 0.5;
    }
    m_bars->setWidth(width);
    m_bars->setData(keys, values, true);

    const QString name = QString::fromStdString(m_stats.name);
    if (dates) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>(new QCPAxisTickerDateTime);
        ticker->setTimeZone(QTimeZone::utc());
        ticker->setDateTimeFormat(dateTimeFormatForSpan(upper - lower));
        ticker->setTickCount(4);
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setLabel(tr("%1 (UTC)").arg(name));
    } else {
        plot->xAxis->setLabel(name);
    }
    const double pad = 0.02 * (upper - lower);
    plot->xAxis->setRange(lower - pad, upper + pad);
    applyCountScale(plot->yAxis, maxCount);
    m_title->setText(tr("Histogram of %1 (%2 bins)").arg(name).arg(m_stats.histogram.size()));
}

void HistogramPlot::drawTopValues()
{
    // Horizontal bars: labels read left of the bars, the most frequent value on top.
    QCustomPlot *plot = customPlot();
    m_bars->setKeyAxis(plot->yAxis);
    m_bars->setValueAxis(plot->xAxis);
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    QVector<double> keys, values;
    double maxCount = 0;
    for (std::size_t i = 0; i < m_stats.topValues.size(); ++i) {
        const CategoryCount &entry = m_stats.topValues[i];
        const double key = double(i + 1);
        keys.append(key);
        values.append(double(entry.count));
        maxCount = std::max(maxCount, double(entry.count));
        const QString label = entry.label.empty() ? tr("(empty)") : QString::fromStdString(entry.label);
        ticker->addTick(key, elided(label));
    }
    m_bars->setWidth(0.7);
    m_bars->setData(keys, values, true);
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRangeReversed(true);
    plot->yAxis->setRange(0.4, double(keys.size()) + 0.6);
    plot->yAxis->grid()->setVisible(false);
    plot->yAxis->setLabel(QString::fromStdString(m_stats.name));
    applyCountScale(plot->xAxis, maxCount);
    const QString name = QString::fromStdString(m_stats.name);
    m_title->setText(m_stats.distinct > m_stats.topValues.size()
                         ? tr("Top %1 of %2 values of %3").arg(keys.size()).arg(formatCount(m_stats.distinct), name)
                         : tr("Values of %1").arg(name));
}

int HistogramPlot::barAt(const PlotPoint &point) const
{
    if (point.plottable != m_bars)
        return -1;
    if (m_kind == Kind::Histogram) {
        const double scale = m_stats.type == ColumnType::DateTime ? double(kNanosPerSecond) : 1.0;
        for (std::size_t bin = 0; bin < m_stats.histogram.size(); ++bin) {
            const HistogramBin &b = m_stats.histogram[bin];
            if (std::abs(0.5 * (b.lower + b.upper) / scale - point.key) <= 1e-9 * std::max(1.0, std::abs(point.key)))
                return int(bin);
        }
    } else if (m_kind == Kind::TopValues) {
        const auto index = std::llround(point.key) - 1;
        if (index >= 0 && std::size_t(index) < m_stats.topValues.size())
            return int(index);
    }
    return -1;
}

void HistogramPlot::pointClicked(const PlotPoint &point)
{
    const int bar = barAt(point);
    if (bar < 0)
        return;
    setSelectedBars({bar});
    Q_EMIT barClicked(bar);
}

void HistogramPlot::setSelectedBars(const QVector<int> &bars)
{
    m_selected = bars;
    showSelection();
}

void HistogramPlot::showSelection()
{
    QVector<QPointF> marks;
    const bool dates = m_stats.type == ColumnType::DateTime;
    for (int bar : std::as_const(m_selected)) {
        if (m_kind == Kind::Histogram && bar >= 0 && std::size_t(bar) < m_stats.histogram.size()) {
            const HistogramBin &bin = m_stats.histogram[std::size_t(bar)];
            const double center = dates ? 0.5 * (nanosToSeconds(bin.lower) + nanosToSeconds(bin.upper))
                                        : 0.5 * (bin.lower + bin.upper); // as drawHistogram() puts it
            if (bin.count > 0)
                marks << QPointF(center, double(bin.count));
        } else if (m_kind == Kind::TopValues && bar >= 0 && std::size_t(bar) < m_stats.topValues.size()) {
            marks << QPointF(double(m_stats.topValues[std::size_t(bar)].count), double(bar + 1)); // horizontal bars
        }
    }
    setHighlight(marks);
}

QStringList HistogramPlot::readoutLines(const PlotPoint &point) const
{
    if (!m_clickHint.isEmpty() && barAt(point) >= 0)
        return readoutLinesOfBar(point) << m_clickHint;
    return readoutLinesOfBar(point);
}

QStringList HistogramPlot::readoutLinesOfBar(const PlotPoint &point) const
{
    const quint64 total = m_stats.rows > m_stats.missing ? m_stats.rows - m_stats.missing : m_stats.rows;
    if (m_kind == Kind::Histogram) {
        const bool dates = m_stats.type == ColumnType::DateTime;
        const double scale = dates ? double(kNanosPerSecond) : 1.0;
        for (const HistogramBin &bin : m_stats.histogram) {
            if (std::abs(0.5 * (bin.lower + bin.upper) / scale - point.key) > 1e-9 * std::max(1.0, std::abs(point.key)))
                continue;
            return {QString::fromStdString(m_stats.name),
                    tr("%1 to %2").arg(formatStatistic(bin.lower, m_stats.type), formatStatistic(bin.upper, m_stats.type)),
                    tr("rows: %1").arg(formatCountWithShare(bin.count, total))};
        }
    } else if (m_kind == Kind::TopValues) {
        const auto index = std::size_t(std::llround(point.key)) - 1;
        if (index < m_stats.topValues.size()) {
            const CategoryCount &entry = m_stats.topValues[index];
            // The full value: the axis shows at most kMaxLabelChars of it.
            return {QString::fromStdString(m_stats.name),
                    entry.label.empty() ? tr("(empty)") : QString::fromStdString(entry.label),
                    tr("rows: %1").arg(formatCountWithShare(entry.count, total))};
        }
    }
    return PlotWidget::readoutLines(point);
}

QString HistogramPlot::dataAsCsv() const
{
    QString csv;
    if (m_kind == Kind::Histogram) {
        const bool dates = m_stats.type == ColumnType::DateTime;
        csv += PlotExporter::csvLine({QStringLiteral("lower"), QStringLiteral("upper"), QStringLiteral("count")});
        for (const HistogramBin &bin : m_stats.histogram) {
            const QString lower = dates ? formatStatistic(bin.lower, ColumnType::DateTime)
                                        : QString::number(bin.lower, 'g', 17);
            const QString upper = dates ? formatStatistic(bin.upper, ColumnType::DateTime)
                                        : QString::number(bin.upper, 'g', 17);
            csv += PlotExporter::csvLine({lower, upper, QString::number(bin.count)});
        }
    } else if (m_kind == Kind::TopValues) {
        csv += PlotExporter::csvLine({QStringLiteral("value"), QStringLiteral("count")});
        for (const CategoryCount &entry : m_stats.topValues)
            csv += PlotExporter::csvLine({QString::fromStdString(entry.label), QString::number(entry.count)});
    }
    return csv;
}

} // namespace loupe
