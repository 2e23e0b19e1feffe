#include "ui/learningrate/SnapshotRatePlot.h"

#include "core/lr/SnapshotReportJson.h"

#include "ui/common/PlotTitle.h"

#include <qcustomplot.h>

#include <algorithm>

namespace loupe {

SnapshotRatePlot::SnapshotRatePlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    addTitle(tr("Learning rate and snapshots"));
    plot->xAxis->setLabel(tr("epoch"));
    plot->yAxis->setLabel(tr("learning rate"));
    plot->yAxis->setNumberFormat(QStringLiteral("g"));
    plot->yAxis->setNumberPrecision(3);
    QCPGraph *rate = plot->addGraph();
    rate->setName(tr("rate (per step)"));
    rate->setPen(QPen(QColor(31, 119, 180), 1.6));
    QCPGraph *markers = plot->addGraph();
    markers->setName(tr("snapshot saved"));
    markers->setLineStyle(QCPGraph::lsNone);
    markers->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, QPen(QColor(214, 39, 40), 1.6),
                                             QBrush(QColor(214, 39, 40)), 10));
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    setExportName(QStringLiteral("snapshot-learning-rate"));
}

void SnapshotRatePlot::removeLabels()
{
    for (QCPAbstractItem *label : std::as_const(m_labels))
        customPlot()->removeItem(label);
    m_labels.clear();
}

void SnapshotRatePlot::clear()
{
    m_epochs.clear();
    m_rates.clear();
    m_markerEpochs.clear();
    m_markerRates.clear();
    m_markerSteps.clear();
    m_selected = -1;
    setHighlight({});
    removeLabels();
    customPlot()->graph(0)->data()->clear();
    customPlot()->graph(1)->data()->clear();
    requestReplot();
}

void SnapshotRatePlot::setReport(const SnapshotReport &report)
{
    clear();
    const std::vector<double> rates = snapshotRates(report);
    const double steps = std::max(1, report.stepsPerEpoch);
    for (std::size_t i = 0; i < rates.size(); ++i) {
        m_epochs.append(static_cast<double>(i) / steps);
        m_rates.append(rates[i]);
    }
    QCustomPlot *plot = customPlot();
    for (const SnapshotScore &snapshot : report.snapshots) {
        // Saved after `iteration` steps: the last step trained was iteration - 1.
        const std::size_t last = snapshot.iteration > 0 ? static_cast<std::size_t>(snapshot.iteration - 1) : 0;
        const double epoch = static_cast<double>(snapshot.iteration) / steps;
        const double rate = last < rates.size() ? rates[last] : 0.0;
        m_markerEpochs.append(epoch);
        m_markerRates.append(rate);
        m_markerSteps.append(snapshot.iteration);
        auto *label = new QCPItemText(plot);
        label->position->setCoords(epoch, rate);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 8));
        label->setText(QStringLiteral("S%1").arg(snapshot.index));
        label->setColor(QColor(214, 39, 40));
        m_labels.append(label);
    }
    plot->graph(0)->setData(m_epochs, m_rates, true);
    plot->graph(1)->setData(m_markerEpochs, m_markerRates, true);
    const double lastEpoch = std::max(m_epochs.isEmpty() ? 1.0 : static_cast<double>(report.totalIterations) / steps, 1.0);
    // A margin on both sides: the last snapshot is saved at the end of the run, and its marker and
    // label ("S3") were cut in half by the frame.
    const double pad = 0.04 * lastEpoch;
    plot->xAxis->setRange(-pad, lastEpoch + pad);
    plot->yAxis->setRange(0.0, report.lr0 > 0.0 ? report.lr0 * 1.15 : 1.0);
    requestReplot();
}

int SnapshotRatePlot::snapshotOfStep(qint64 step) const
{
    for (int i = 0; i < m_markerSteps.size(); ++i)
        if (m_markerSteps[i] > step)
            return i;
    return -1;
}

int SnapshotRatePlot::snapshotAt(const PlotPoint &point) const
{
    if (point.plottable == customPlot()->graph(1))
        return point.dataIndex < m_markerSteps.size() ? point.dataIndex : -1;
    if (point.plottable == customPlot()->graph(0))
        return snapshotOfStep(point.dataIndex);
    return -1;
}

void SnapshotRatePlot::setSelectedSnapshot(int index)
{
    m_selected = index >= 0 && index < m_markerEpochs.size() ? index : -1;
    setHighlight(m_selected >= 0 ? QVector<QPointF>{QPointF(m_markerEpochs[m_selected], m_markerRates[m_selected])}
                                 : QVector<QPointF>{});
}

QStringList SnapshotRatePlot::readoutLines(const PlotPoint &point) const
{
    QStringList lines = PlotWidget::readoutLines(point);
    const int index = snapshotAt(point);
    if (index >= 0)
        lines << tr("click: select snapshot S%1").arg(index + 1);
    return lines;
}

void SnapshotRatePlot::pointClicked(const PlotPoint &point)
{
    const int index = snapshotAt(point);
    if (index < 0)
        return;
    setSelectedSnapshot(index);
    Q_EMIT snapshotClicked(index);
}

QString SnapshotRatePlot::dataAsCsv() const
{
    if (m_epochs.isEmpty())
        return QString();
    QString csv = QStringLiteral("epoch,lr\n");
    for (int i = 0; i < m_epochs.size(); ++i)
        csv += QStringLiteral("%1,%2\n").arg(QString::number(m_epochs[i], 'g', 10), QString::number(m_rates[i], 'g', 10));
    csv += QStringLiteral("snapshot,epoch\n");
    for (int i = 0; i < m_markerEpochs.size(); ++i)
        csv += QStringLiteral("%1,%2\n").arg(i + 1).arg(QString::number(m_markerEpochs[i], 'g', 10));
    return csv;
}

} // namespace loupe
