#include "ui/search/EdfPlot.h"

#include <qcustomplot.h>

#include <QMenu>

#include <algorithm>

namespace loupe {

EdfPlot::EdfPlot(QWidget *parent) : TrialPlot(tr("Empirical distribution of losses"), tr("No completed trials yet"), parent)
{
    customPlot()->xAxis->setLabel(tr("loss"));
    customPlot()->yAxis->setLabel(tr("fraction of trials with loss <= x"));
    setExportName(QStringLiteral("loss-edf"));
    refresh();
}

void EdfPlot::setLogLoss(bool logarithmic)
{
    if (logarithmic == m_logLoss)
        return;
    m_logLoss = logarithmic;
    refresh();
    requestReplot();
}

std::vector<double> EdfPlot::sortedLosses() const
{
    std::vector<double> losses;
    for (const Trial *trial : completedTrials())
        losses.push_back(*trial->loss);
    std::sort(losses.begin(), losses.end());
    return losses;
}

void EdfPlot::redraw()
{
    QCustomPlot *plot = customPlot();
    plot->clearGraphs();
    setLogScale(plot->xAxis, m_logLoss);
    plot->yAxis->setRange(0.0, 1.05);
    std::vector<std::pair<double, int>> losses; // loss, trial number; in loss order
    for (const Trial *trial : completedTrials())
        if (!m_logLoss || *trial->loss > 0.0)
            losses.emplace_back(*trial->loss, trial->number);
    std::stable_sort(losses.begin(), losses.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    if (losses.empty()) {
        setMessage(m_logLoss && !completedTrials().empty() ? tr("No positive losses to show on a log axis")
                                                           : emptyMessage());
        plot->xAxis->setRange(m_logLoss ? 0.1 : 0.0, 1.0);
        return;
    }
    setMessage({});
    QCPGraph *edf = plot->addGraph();
    edf->setName(tr("trials with loss <= x"));
    edf->setLineStyle(QCPGraph::lsStepLeft);
    edf->setPen(QPen(QColor(31, 119, 180), 2.0));
    edf->setBrush(QColor(31, 119, 180, 40));
    const double count = double(losses.size());
    QVector<double> keys, values;
    QVector<int> numbers;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        keys << losses[i].first;
        values << double(i + 1) / count;
        numbers << losses[i].second;
    }
    edf->setData(keys, values, true); // already sorted: equal losses keep their trials' order
    setTrialNumbers(edf, numbers);
    const double low = losses.front().first, high = losses.back().first;
    if (m_logLoss)
        plot->xAxis->setRange(low / 1.5, high * 1.5);
    else {
        const double margin = high > low ? 0.03 * (high - low) : 1.0;
        plot->xAxis->setRange(low - margin, high + margin);
    }
}

void EdfPlot::addPlotActions(QMenu *menu)
{
    QAction *logarithmic = menu->addAction(tr("Logarithmic loss axis"));
    logarithmic->setCheckable(true);
    logarithmic->setChecked(m_logLoss);
    connect(logarithmic, &QAction::toggled, this, &EdfPlot::setLogLoss);
}

QString EdfPlot::dataAsCsv() const
{
    const std::vector<double> losses = sortedLosses();
    QString csv = QStringLiteral("loss,fraction\n");
    for (std::size_t i = 0; i < losses.size(); ++i)
        csv += QStringLiteral("%1,%2\n").arg(losses[i], 0, 'g', 17).arg(double(i + 1) / double(losses.size()), 0, 'g', 10);
    return csv;
}

} // namespace loupe
