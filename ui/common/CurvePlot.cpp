#include "ui/common/CurvePlot.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace loupe {

namespace {

bool drawable(double value, CurvePlot::Scale scale)
{
    return std::isfinite(value) && (scale == CurvePlot::Scale::Linear || value > 0.0);
}

// Pads [low, high] for display by 5 % of the span (of the decades on a log axis); a single value
// gets a window around it.
std::pair<double, double> padded(std::pair<double, double> range, CurvePlot::Scale scale)
{
    auto [low, high] = range;
    if (scale == CurvePlot::Scale::Logarithmic) {
        if (high / low < 1.5) {
            low /= 1.5;
            high *= 1.5;
        }
        const double factor = std::max(std::pow(high / low, 0.05), 1.1);
        return {low / factor, high * factor};
    }
    if (high - low < 1e-12) {
        const double half = std::max(std::abs(low) * 0.1, 0.5);
        return {low - half, high + half};
    }
    const double pad = 0.05 * (high - low);
    return {low - pad, high + pad};
}

} // namespace

CurvePlot::CurvePlot(const QString &title, const QString &xLabel, const QString &yLabel, Scale yScale, QWidget *parent)
    : PlotWidget(parent)
    , m_yScale(yScale)
{
    QCustomPlot *plot = customPlot();
    plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(plot, title, titleFont);
    plot->plotLayout()->addElement(0, 0, m_title);
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
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

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

void CurvePlot::setLegendCorner(Qt::Alignment corner)
{
    customPlot()->axisRect()->insetLayout()->setInsetAlignment(0, corner);
}

void CurvePlot::setEmptyMessage(const QString &message)
{
    m_emptyMessage = message;
    m_message->setText(message);
}

void CurvePlot::setSeries(QVector<CurveSeries> series)
{
    m_series = std::move(series);
    QCustomPlot *plot = customPlot();
    plot->clearGraphs();
    for (const CurveSeries &line : m_series) {
        QCPGraph *graph = plot->addGraph();
        graph->setName(line.name);
        graph->setPen(QPen(line.color, line.width, line.style));
        if (line.markers)
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, line.color, line.color, 5));
        QVector<double> values = line.y;
        for (double &value : values) {
            if (!drawable(value, m_yScale))
                value = std::numeric_limits<double>::quiet_NaN(); // a gap
        }
        graph->setData(line.x, values, true);
    }
    plot->legend->setVisible(!m_series.isEmpty());
    rescale();
    requestReplot();
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
        // Strictly around the data, so a value that is a power of ten is not drawn on the frame.
        yLow = std::pow(10.0, std::floor(std::log10(yRange->first) - 1e-9));
        yHigh = std::pow(10.0, std::ceil(std::log10(yRange->second) + 1e-9));
    }
    plot->xAxis->setRange(xLow, xHigh);
    plot->yAxis->setRange(yLow, yHigh);
}

QString CurvePlot::dataAsCsv() const
{
    if (pointCount() == 0)
        return QString();
    QString csv = PlotExporter::csvLine({QStringLiteral("series"), QStringLiteral("x"), QStringLiteral("y")});
    for (const CurveSeries &line : m_series) {
        for (int i = 0; i < line.y.size() && i < line.x.size(); ++i) {
            if (!std::isfinite(line.y[i]))
                continue;
            csv += PlotExporter::csvLine(
                {line.name, QString::number(line.x[i], 'g', 17), QString::number(line.y[i], 'g', 17)});
        }
    }
    return csv;
}

} // namespace loupe
