#include "ui/learningrate/SchedulePreviewPlot.h"

#include "ui/common/MessageBanner.h"

#include "ui/common/PlotTitle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

SchedulePreviewPlot::SchedulePreviewPlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    addTitle(tr("Schedule preview"));
    plot->yAxis->setLabel(tr("learning rate"));
    QCPGraph *graph = plot->addGraph();
    graph->setPen(QPen(QColor(31, 119, 180), 1.8));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(MessageBanner::textColor(MessageBanner::Kind::Error));
    m_message->setVisible(false);
    setExportName(QStringLiteral("schedule-preview"));
}

void SchedulePreviewPlot::setRates(const QVector<double> &rates, const QString &xLabel)
{
    m_rates = rates;
    QVector<double> t(rates.size());
    for (int i = 0; i < t.size(); ++i)
        t[i] = i;
    QCustomPlot *plot = customPlot();
    plot->graph(0)->setData(t, rates, true);
    plot->xAxis->setLabel(xLabel);
    m_message->setVisible(false);
    setSelectedStep(m_selected); // the same t, at its new rate (or none past the end)
    rescale();
    requestReplot();
}

void SchedulePreviewPlot::showMessage(const QString &message)
{
    m_rates.clear();
    setSelectedStep(-1);
    customPlot()->graph(0)->data()->clear();
    m_message->setText(message);
    m_message->setVisible(true);
    requestReplot();
}

void SchedulePreviewPlot::setScale(Scale scale)
{
    m_scale = scale;
    QCustomPlot *plot = customPlot();
    if (scale == Scale::Logarithmic) {
        plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog);
        ticker->setSubTickCount(8);
        plot->yAxis->setTicker(ticker);
        plot->yAxis->setNumberFormat(QStringLiteral("eb"));
        plot->yAxis->setNumberPrecision(0);
    } else {
        plot->yAxis->setScaleType(QCPAxis::stLinear);
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        plot->yAxis->setNumberFormat(QStringLiteral("g"));
        plot->yAxis->setNumberPrecision(3);
    }
    rescale();
    requestReplot();
}

void SchedulePreviewPlot::rescale()
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setRange(-0.5, std::max<double>(m_rates.size(), 2) - 0.5);
    double low = std::numeric_limits<double>::infinity(), high = 0.0;
    for (double rate : std::as_const(m_rates)) {
        if (!std::isfinite(rate) || (m_scale == Scale::Logarithmic && rate <= 0.0))
            continue;
        low = std::min(low, rate);
        high = std::max(high, rate);
    }
    if (!std::isfinite(low)) {
        plot->yAxis->setRange(m_scale == Scale::Logarithmic ? 1e-4 : 0.0, 1.0);
        return;
    }
    if (m_scale == Scale::Logarithmic) {
        // Whole decades with each rate at least a tenth of a decade inside (a rate of 0.1 sat on the frame).
        const double lowDecade = std::pow(10.0, std::floor(std::log10(low) - 0.1));
        const double highDecade = std::pow(10.0, std::ceil(std::log10(high) + 0.1));
        plot->yAxis->setRange(lowDecade, std::max(highDecade, lowDecade * 10.0));
    } else {
        plot->yAxis->setRange(0.0, high > 0.0 ? high * 1.1 : 1.0);
    }
}

void SchedulePreviewPlot::setSelectedStep(int t)
{
    m_selected = t >= 0 && t < m_rates.size() && std::isfinite(m_rates[t]) ? t : -1;
    setHighlight(m_selected >= 0 ? QVector<QPointF>{QPointF(m_selected, m_rates[m_selected])} : QVector<QPointF>{});
}

QStringList SchedulePreviewPlot::readoutLines(const PlotPoint &point) const
{
    QStringList lines = PlotWidget::readoutLines(point);
    if (point.isValid())
        lines << tr("click: pick this rate to train with");
    return lines;
}

void SchedulePreviewPlot::pointClicked(const PlotPoint &point)
{
    const int t = int(std::lround(point.key));
    setSelectedStep(t);
    if (m_selected >= 0)
        Q_EMIT stepClicked(m_selected, m_rates[m_selected]);
}

QString SchedulePreviewPlot::dataAsCsv() const
{
    if (m_rates.isEmpty())
        return QString();
    QString csv = QStringLiteral("t,lr\n");
    for (int i = 0; i < m_rates.size(); ++i)
        csv += QStringLiteral("%1,%2\n").arg(i).arg(QString::number(m_rates[i], 'g', 10));
    return csv;
}

} // namespace loupe
