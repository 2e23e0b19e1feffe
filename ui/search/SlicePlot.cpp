#include "ui/search/SlicePlot.h"

#include "ui/search/TrialTableModel.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

// A fixed sideways offset in [-0.25, 0.25] per trial number, so choice columns spread out.
double jitter(int number)
{
    const std::uint32_t hash = std::uint32_t(number) * 2654435761u;
    return (double(hash % 1000) / 999.0 - 0.5) * 0.5;
}

} // namespace

SlicePlot::SlicePlot(QWidget *parent) : TrialPlot(tr("Slice"), tr("Pick a parameter"), parent)
{
    customPlot()->yAxis->setLabel(tr("loss"));
    setExportName(QStringLiteral("slice"));
    refresh();
}

void SlicePlot::setParameter(int parameter)
{
    m_parameter = parameter;
    resetView(); // another parameter on the x axis
    refresh();
    requestReplot();
}

bool SlicePlot::isLogX() const
{
    return m_parameter >= 0 && m_parameter < space().size() && space().parameter(m_parameter).distribution.isLog();
}

void SlicePlot::redraw()
{
    QCustomPlot *plot = customPlot();
    plot->clearGraphs();
    m_pointCount = 0;
    if (m_parameter < 0 || m_parameter >= space().size()) {
        setTitle(tr("Slice"));
        setMessage(space().size() == 0 ? tr("The search space has no parameters") : emptyMessage());
        return;
    }
    const SearchParameter &parameter = space().parameter(m_parameter);
    const bool categorical = parameter.distribution.isCategorical();
    const bool logX = isLogX();
    setTitle(tr("Slice: %1").arg(QString::fromStdString(parameter.name)));
    plot->xAxis->setLabel(QString::fromStdString(parameter.name) + (logX ? tr(" (log scale)") : QString()));
    setLogScale(plot->xAxis, logX);

    struct Point { double x; double loss; int number; };
    std::vector<Point> points;
    for (const Trial *trial : completedTrials()) {
        if (m_parameter >= trial->params.size() || !trial->params.isActive(m_parameter))
            continue;
        double x = trial->params.raw(m_parameter);
        if (logX && x <= 0.0)
            continue;
        if (categorical)
            x += jitter(trial->number);
        points.push_back({x, *trial->loss, trial->number});
    }
    if (categorical) {
        auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
        for (int option = 0; option < parameter.distribution.optionCount(); ++option)
            ticker->addTick(option, TrialTableModel::optionText(space(), m_parameter, option));
        plot->xAxis->setTicker(ticker);
        plot->xAxis->setRange(-0.6, parameter.distribution.optionCount() - 0.4);
    }
    if (points.empty()) {
        setMessage(tr("No completed trial used this parameter yet"));
        return;
    }
    setMessage({});
    const int maxNumber = std::max_element(points.begin(), points.end(), [](const Point &a, const Point &b) {
                              return a.number < b.number;
                          })->number;
    std::vector<QCPGraph *> bins;
    std::vector<QVector<int>> binNumbers(kColorBins);
    for (int bin = 0; bin < kColorBins; ++bin) {
        QCPGraph *graph = plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        QColor color = rankColor(1.0 - double(bin) / (kColorBins - 1)); // late trials dark
        color.setAlpha(190);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, 5));
        bins.push_back(graph);
    }
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) { return a.x < b.x; });
    double low = std::numeric_limits<double>::infinity(), high = -low;
    double lossLow = low, lossHigh = -low;
    for (const Point &point : points) {
        const int bin = std::min(kColorBins - 1, point.number * kColorBins / std::max(1, maxNumber + 1));
        bins[std::size_t(bin)]->addData(point.x, point.loss);
        binNumbers[std::size_t(bin)].push_back(point.number);
        low = std::min(low, point.x);
        high = std::max(high, point.x);
        lossLow = std::min(lossLow, point.loss);
        lossHigh = std::max(lossHigh, point.loss);
    }
    for (int bin = 0; bin < kColorBins; ++bin)
        setTrialNumbers(bins[std::size_t(bin)], binNumbers[std::size_t(bin)]);
    m_pointCount = int(points.size());
    if (!categorical) {
        if (logX)
            plot->xAxis->setRange(low / 1.3, high * 1.3);
        else {
            const double margin = high > low ? 0.04 * (high - low) : 1.0;
            plot->xAxis->setRange(low - margin, high + margin);
        }
    }
    const double margin = lossHigh > lossLow ? 0.05 * (lossHigh - lossLow) : 1.0;
    plot->yAxis->setRange(lossLow - margin, lossHigh + margin);
}

QString SlicePlot::dataAsCsv() const
{
    QString csv = QStringLiteral("number,value,loss\n");
    if (m_parameter < 0 || m_parameter >= space().size())
        return csv;
    for (const Trial *trial : completedTrials()) {
        if (m_parameter >= trial->params.size() || !trial->params.isActive(m_parameter))
            continue;
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(trial->number)
                   .arg(trial->params.raw(m_parameter), 0, 'g', 17)
                   .arg(*trial->loss, 0, 'g', 17);
    }
    return csv;
}

} // namespace loupe
