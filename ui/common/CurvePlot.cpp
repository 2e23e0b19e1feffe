#include "ui/common/CurvePlot.h"

#include "ui/common/PlotLegend.h"
#include "ui/common/PlotSmoothing.h"
#include "ui/common/PlotTitle.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace loupe {

namespace {

bool drawable(double value, CurvePlot::Scale scale)
{
    return std::isfinite(value) && (scale == CurvePlot::Scale::Linear || value > 0.0);
}

// Pads [low, high] for display by 8 % of the span (of the decades on a log axis); a single value
// gets a window around it.
std::pair<double, double> padded(std::pair<double, double> range, CurvePlot::Scale scale)
{
    auto [low, high] = range;
    if (scale == CurvePlot::Scale::Logarithmic) {
        if (high / low < 1.5) {
            low /= 1.5;
            high *= 1.5;
        }
        const double factor = std::max(std::pow(high / low, 0.08), 1.1);
        return {low / factor, high * factor};
    }
    if (high - low < 1e-12) {
        const double half = std::max(std::abs(low) * 0.1, 0.5);
        return {low - half, high + half};
    }
    const double pad = 0.08 * (high - low); // a marker on the extreme value stays whole inside the frame
    return {low - pad, high + pad};
}

} // namespace

CurvePlot::CurvePlot(const QString &title, const QString &xLabel, const QString &yLabel, Scale yScale, QWidget *parent)
    : PlotWidget(parent)
    , m_yScale(yScale)
{
    QCustomPlot *plot = customPlot();
    m_title = addTitle(title);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    if (yScale == Scale::Logarithmic) {
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog);
        ticker->setSubTickCount(8);
        plot->yAxis->setTicker(ticker);
        plot->yAxis->setNumberFormat(QStringLiteral("gb"));
        plot->yAxis->setNumberPrecision(3);
    }
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    plot->legend->setRowSpacing(-2);

    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(Qt::darkGray);
    setEmptyMessage(tr("No data yet"));
    setExportName(title.toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
    rescale();
}

QString CurvePlot::title() const
{
    return m_title->text();
}

void CurvePlot::setXTicks(XTicks ticks)
{
    if (ticks == XTicks::Integers) {
        auto ticker = QSharedPointer<QCPAxisTickerFixed>(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        customPlot()->xAxis->setTicker(ticker);
    } else {
        customPlot()->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    }
}

void CurvePlot::setXRangeHint(double low, double high)
{
    m_hintLow = low;
    m_hintHigh = high;
}

void CurvePlot::enableSmoothing()
{
    if (m_smoothing)
        return;
    m_smoothing = new PlotSmoothing(this);
    addControlRow(m_smoothing);
    connect(m_smoothing, &PlotSmoothing::weightChanged, this, [this] {
        rebuildGraphs();
        requestReplot();
    });
}

double CurvePlot::smoothingWeight() const
{
    return m_smoothing ? m_smoothing->weight() : 0.0;
}

void CurvePlot::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    m_message->setText(message);
}

void CurvePlot::setSeries(QVector<CurveSeries> series)
{
    m_series = std::move(series);
    rebuildGraphs();
    customPlot()->legend->setVisible(!m_series.isEmpty());
    rescale();
    requestReplot();
}

QCPGraph *CurvePlot::addCurve(const CurveSeries &line, const QVector<double> &values)
{
    QCPGraph *graph = customPlot()->addGraph();
    graph->setName(line.name);
    graph->setPen(QPen(line.color, line.width, line.style));
    if (line.markers)
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, line.color, line.color, 5));
    QVector<double> drawn = values;
    for (double &value : drawn) {
        if (!drawable(value, m_yScale))
            value = std::numeric_limits<double>::quiet_NaN(); // a gap
    }
    graph->setData(line.x, drawn, true);
    return graph;
}

void CurvePlot::rebuildGraphs()
{
    customPlot()->clearGraphs();
    m_seriesOf.clear();
    for (const CurveSeries &line : std::as_const(m_series)) {
        const int index = int(&line - m_series.constData());
        if (!line.smoothed || !m_smoothing) {
            m_seriesOf.insert(addCurve(line, line.y), index);
            continue;
        }
        // The raw values faint behind, hidden and shown with the smoothed series, not in the legend.
        CurveSeries raw = line;
        raw.name = tr("%1 (raw)").arg(line.name);
        raw.color.setAlpha(55);
        raw.width = 1.0;
        QCPGraph *behind = addCurve(raw, line.y);
        behind->setProperty(PlotLegend::kSeriesOf, line.name);
        behind->removeFromLegend();
        m_seriesOf.insert(behind, index);
        m_seriesOf.insert(addCurve(line, PlotSmoothing::smoothed(line.y, smoothingWeight())), index);
    }
    showSelection(); // the graphs are new, and a smoothed value moved
}

void CurvePlot::setSelection(qint64 tag, double x)
{
    m_hasSelection = true;
    m_selectedTag = tag;
    m_selectedX = x;
    showSelection();
}

void CurvePlot::clearSelection()
{
    m_hasSelection = false;
    showSelection();
}

void CurvePlot::showSelection()
{
    QVector<QPointF> marks;
    for (auto it = m_seriesOf.cbegin(); m_hasSelection && it != m_seriesOf.cend(); ++it) {
        const auto *graph = qobject_cast<const QCPGraph *>(it.key());
        if (!graph || !graph->visible() || m_series[it.value()].tag != m_selectedTag
            || graph->property(PlotLegend::kSeriesOf).isValid())
            continue; // a raw curve behind a smoothed one is not ringed: its smoothed point is
        const auto found = graph->data()->findBegin(m_selectedX - 0.5, false);
        for (auto point = found; point != graph->data()->constEnd() && point->key <= m_selectedX + 0.5; ++point) {
            if (std::isfinite(point->value)) {
                marks << QPointF(point->key, point->value);
                break;
            }
        }
    }
    setHighlight(marks);
}

void CurvePlot::pointClicked(const PlotPoint &point)
{
    const auto series = m_seriesOf.constFind(point.plottable);
    if (series == m_seriesOf.cend() || m_series[*series].tag < 0)
        return;
    const qint64 tag = m_series[*series].tag;
    setSelection(tag, point.key);
    Q_EMIT seriesPointClicked(tag, point.key);
}

int CurvePlot::pointCount() const
{
    int count = 0;
    for (const CurveSeries &line : m_series) {
        for (int i = 0; i < line.y.size() && i < line.x.size(); ++i)
            count += drawable(line.y[i], m_yScale) && std::isfinite(line.x[i]) ? 1 : 0;
    }
    return count;
}

std::optional<std::pair<double, double>> CurvePlot::finiteRange(const QVector<QVector<double>> &values, Scale scale)
{
    double low = std::numeric_limits<double>::infinity();
    double high = -std::numeric_limits<double>::infinity();
    for (const QVector<double> &list : values) {
        for (double value : list) {
            if (!drawable(value, scale))
                continue;
            low = std::min(low, value);
            high = std::max(high, value);
        }
    }
    if (!(low <= high))
        return std::nullopt;
    return std::make_pair(low, high);
}

void CurvePlot::rescale()
{
    QVector<QVector<double>> xs;
    QVector<QVector<double>> ys;
    for (const CurveSeries &line : m_series) {
        xs.append(line.x);
        ys.append(line.y);
    }
    const auto xRange = finiteRange(xs, Scale::Linear);
    const auto yRange = finiteRange(ys, m_yScale);
    QCustomPlot *plot = customPlot();
    const bool empty = !xRange || !yRange;
    m_message->setVisible(empty);
    if (empty) {
        plot->xAxis->setRange(0.0, 1.0);
        plot->yAxis->setRange(m_yScale == Scale::Logarithmic ? QCPRange(0.1, 10.0) : QCPRange(0.0, 1.0));
        return;
    }
    auto xSpan = *xRange;
    if (m_hintLow <= m_hintHigh)
        xSpan = {std::min(xSpan.first, m_hintLow), std::max(xSpan.second, m_hintHigh)};
    const auto [xLow, xHigh] = padded(xSpan, Scale::Linear);
    auto [yLow, yHigh] = padded(*yRange, m_yScale);
    if (m_yScale == Scale::Logarithmic && m_wholeDecades) {
        // At least a tenth of a decade inside the frame: a constant rate of 1e-3, stored as a float
        // (1.00000005e-3), sat on the lower edge when the decade was taken strictly around it.
        yLow = std::pow(10.0, std::floor(std::log10(yRange->first) - 0.1));
        yHigh = std::pow(10.0, std::ceil(std::log10(yRange->second) + 0.1));
    }
    plot->xAxis->setRange(xLow, xHigh);
    plot->yAxis->setRange(yLow, yHigh);
}

QString CurvePlot::dataAsCsv() const
{
    if (pointCount() == 0)
        return QString();
    QString csv = PlotExporter::csvLine({QStringLiteral("series"), QStringLiteral("x"), QStringLiteral("y")});
    auto append = [&csv](const QString &name, const QVector<double> &x, const QVector<double> &y) {
        for (int i = 0; i < y.size() && i < x.size(); ++i) {
            if (std::isfinite(y[i]))
                csv += PlotExporter::csvLine({name, QString::number(x[i], 'g', 17), QString::number(y[i], 'g', 17)});
        }
    };
    for (const CurveSeries &line : m_series) {
        append(line.name, line.x, line.y);
        if (line.smoothed && m_smoothing)
            append(tr("%1 (smoothed %2)").arg(line.name, QString::number(smoothingWeight(), 'f', 3)), line.x,
                   PlotSmoothing::smoothed(line.y, smoothingWeight()));
    }
    return csv;
}

} // namespace loupe
