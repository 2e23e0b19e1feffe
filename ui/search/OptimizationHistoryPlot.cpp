#include "ui/search/OptimizationHistoryPlot.h"

#include "ui/common/MessageBanner.h"

#include <qcustomplot.h>

#include <QMenu>

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

OptimizationHistoryPlot::OptimizationHistoryPlot(QWidget *parent)
    : TrialPlot(tr("Optimization history"), tr("No completed trials yet"), parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("trial"));
    plot->yAxis->setLabel(tr("loss"));
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    setExportName(QStringLiteral("optimization-history"));
    refresh();
}

void OptimizationHistoryPlot::setLogLoss(bool logarithmic)
{
    if (logarithmic == m_logLoss)
        return;
    m_logLoss = logarithmic;
    refresh();
    requestReplot();
}

void OptimizationHistoryPlot::redraw()
{
    QCustomPlot *plot = customPlot();
    plot->clearGraphs();
    setLogScale(plot->yAxis, m_logLoss);
    QCPGraph *points = plot->addGraph();
    points->setName(tr("trial loss"));
    points->setLineStyle(QCPGraph::lsNone);
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(31, 119, 180, 170), 5));
    QCPGraph *best = plot->addGraph();
    best->setName(tr("best so far"));
    best->setLineStyle(QCPGraph::lsStepLeft);
    best->setPen(QPen(QColor(214, 39, 40), 2.0));
    best->setSelectable(QCP::stNone);
    QCPGraph *failed = plot->addGraph();
    failed->setName(tr("failed"));
    failed->setLineStyle(QCPGraph::lsNone);
    failed->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(MessageBanner::textColor(MessageBanner::Kind::Error), 1.5), Qt::NoBrush, 7));
    failed->setSelectable(QCP::stNone);

    double bestLoss = std::numeric_limits<double>::infinity();
    double low = std::numeric_limits<double>::infinity(), high = -low;
    int hidden = 0;
    std::vector<double> failedNumbers;
    for (const Trial &trial : trials()) {
        if (trial.state == TrialState::Fail) {
            failedNumbers.push_back(trial.number);
            continue;
        }
        if (trial.state != TrialState::Complete || !trial.loss || !std::isfinite(*trial.loss))
            continue;
        const double loss = *trial.loss;
        if (m_logLoss && loss <= 0.0) {
            ++hidden;
            continue;
        }
        points->addData(trial.number, loss);
        bestLoss = std::min(bestLoss, loss);
        best->addData(trial.number, bestLoss);
        low = std::min(low, loss);
        high = std::max(high, loss);
    }
    m_pointCount = points->dataCount();
    if (!trials().empty())
        best->addData(trials().back().number, bestLoss); // extend the step to the last trial
    if (m_pointCount == 0) {
        setMessage(hidden > 0 ? tr("No positive losses to show on a log axis") : emptyMessage());
        plot->xAxis->setRange(0, std::max<double>(1.0, double(trials().size())));
        plot->yAxis->setRange(m_logLoss ? 0.1 : 0.0, 1.0);
        failed->data()->clear();
        return;
    }
    setMessage({});
    for (double number : failedNumbers)
        failed->addData(number, low);
    for (QCPGraph *graph : {points, failed}) { // keyed by trial number
        QVector<int> numbers;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            numbers << int(it->key);
        setTrialNumbers(graph, numbers);
    }
    if (failedNumbers.empty())
        failed->removeFromLegend();
    setTitle(hidden > 0 ? tr("Optimization history (%1 losses <= 0 not shown on the log axis)").arg(hidden)
                        : tr("Optimization history"));
    plot->xAxis->setRange(-0.5, std::max(1.0, double(trials().back().number) + 0.5));
    if (m_logLoss)
        plot->yAxis->setRange(low / 1.5, high * 1.5);
    else {
        const double margin = high > low ? 0.05 * (high - low) : std::max(1.0, std::abs(high)) * 0.1;
        plot->yAxis->setRange(low - margin, high + margin);
    }
}

void OptimizationHistoryPlot::addPlotActions(QMenu *menu)
{
    QAction *logarithmic = menu->addAction(tr("Logarithmic loss axis"));
    logarithmic->setCheckable(true);
    logarithmic->setChecked(m_logLoss);
    connect(logarithmic, &QAction::toggled, this, &OptimizationHistoryPlot::setLogLoss);
}

QString OptimizationHistoryPlot::dataAsCsv() const
{
    QString csv = QStringLiteral("number,state,loss,best_so_far\n");
    double best = std::numeric_limits<double>::infinity();
    for (const Trial &trial : trials()) {
        const bool finite = trial.state == TrialState::Complete && trial.loss && std::isfinite(*trial.loss);
        if (finite)
            best = std::min(best, *trial.loss);
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(trial.number)
                   .arg(QString::fromLatin1(trialStateName(trial.state).data()))
                   .arg(finite ? QString::number(*trial.loss, 'g', 17) : QString())
                   .arg(std::isfinite(best) ? QString::number(best, 'g', 17) : QString());
    }
    return csv;
}

} // namespace loupe
