#include "ui/learningrate/SnapshotAccuracyPlot.h"

#include "ui/common/PlotTitle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

QCPBars *makeBars(QCustomPlot *plot, const QString &name, const QColor &color)
{
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setWidth(0.6);
    bars->setPen(QPen(color.darker(130)));
    bars->setBrush(color);
    return bars;
}

} // namespace

SnapshotAccuracyPlot::SnapshotAccuracyPlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    addTitle(tr("Test accuracy: snapshots, ensemble, single model"));
    plot->yAxis->setLabel(tr("accuracy"));
    m_snapshotBars = makeBars(plot, tr("snapshot (test)"), QColor(158, 202, 225));
    m_ensembleBars = makeBars(plot, tr("ensemble (test)"), QColor(49, 130, 189));
    m_singleBars = makeBars(plot, tr("single model, one cosine (test)"), QColor(253, 174, 107));
    m_validationDots = plot->addGraph();
    m_validationDots->setName(tr("validation"));
    m_validationDots->setLineStyle(QCPGraph::lsNone);
    m_validationDots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(40, 40, 40), 7));
    plot->legend->setVisible(true);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    setLegendCorner(Qt::AlignTop | Qt::AlignLeft);
    setExportName(QStringLiteral("snapshot-accuracy"));
}

void SnapshotAccuracyPlot::clear()
{
    m_labels.clear();
    m_test.clear();
    m_validation.clear();
    m_snapshotCount = 0;
    m_selected = -1;
    setHighlight({});
    for (QCPAbstractItem *label : std::as_const(m_valueLabels))
        customPlot()->removeItem(label);
    m_valueLabels.clear();
    for (QCPBars *bars : {m_snapshotBars, m_ensembleBars, m_singleBars})
        bars->data()->clear();
    m_validationDots->data()->clear();
    requestReplot();
}

void SnapshotAccuracyPlot::addBar(const QString &label, const Evaluation &validation, const Evaluation &test)
{
    m_labels.append(label);
    m_test.append(test.accuracy);
    m_validation.append(validation.accuracy);
}

void SnapshotAccuracyPlot::setReport(const SnapshotReport &report)
{
    clear();
    for (const SnapshotScore &snapshot : report.snapshots)
        addBar(QStringLiteral("S%1%2").arg(snapshot.index).arg(snapshot.completeCycle ? QString() : tr(" (short)")),
               snapshot.validation, snapshot.test);
    const int snapshotCount = m_labels.size();
    m_snapshotCount = snapshotCount;
    if (report.chosenSize > 0)
        addBar(tr("ensemble (K=%1)").arg(report.chosenSize), report.ensembleValidation, report.ensembleTest);
    const bool hasEnsemble = report.chosenSize > 0;
    if (report.singleModelTest)
        addBar(tr("single model"), *report.singleModelValidation, *report.singleModelTest);

    QCustomPlot *plot = customPlot();
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    double low = 1.0;
    for (int i = 0; i < m_labels.size(); ++i) {
        const double x = i + 1;
        ticker->addTick(x, m_labels[i]);
        QCPBars *bars = i < snapshotCount ? m_snapshotBars : (hasEnsemble && i == snapshotCount ? m_ensembleBars : m_singleBars);
        if (std::isfinite(m_test[i])) {
            bars->addData(x, m_test[i]);
            low = std::min(low, m_test[i]);
            auto *text = new QCPItemText(plot);
            text->position->setCoords(x, m_test[i]);
            text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
            text->setText(QString::number(m_test[i], 'f', 4));
            text->setPadding(QMargins(0, 0, 0, 3));
            m_valueLabels.append(text);
        }
        if (std::isfinite(m_validation[i])) {
            m_validationDots->addData(x, m_validation[i]);
            low = std::min(low, m_validation[i]);
        }
    }
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, std::max<double>(m_labels.size(), 1) + 0.6);
    // Differences between snapshots are a few tenths of a percent: start the axis near the lowest.
    const double bottom = std::max(0.0, std::floor((low - 0.03) * 50.0) / 50.0);
    // Room above the tallest bar for its value label.
    double high = 0.0;
    for (int i = 0; i < m_labels.size(); ++i)
        high = std::max({high, std::isfinite(m_test[i]) ? m_test[i] : 0.0, std::isfinite(m_validation[i]) ? m_validation[i] : 0.0});
    plot->yAxis->setRange(bottom, std::max(1.0, high + 0.08 * (high - bottom)));
    requestReplot();
}

int SnapshotAccuracyPlot::snapshotAt(double key) const
{
    const int index = int(std::lround(key)) - 1;
    return index >= 0 && index < m_snapshotCount ? index : -1;
}

void SnapshotAccuracyPlot::setSelectedSnapshot(int index)
{
    m_selected = index >= 0 && index < m_snapshotCount ? index : -1;
    QVector<QPointF> marks;
    if (m_selected >= 0 && std::isfinite(m_test[m_selected]))
        marks << QPointF(m_selected + 1, m_test[m_selected]);
    setHighlight(marks);
}

QStringList SnapshotAccuracyPlot::readoutLines(const PlotPoint &point) const
{
    QStringList lines = PlotWidget::readoutLines(point);
    const int index = snapshotAt(point.key);
    if (index >= 0)
        lines << tr("click: select snapshot S%1").arg(index + 1);
    return lines;
}

void SnapshotAccuracyPlot::pointClicked(const PlotPoint &point)
{
    const int index = snapshotAt(point.key);
    if (index < 0)
        return;
    setSelectedSnapshot(index);
    Q_EMIT snapshotClicked(index);
}

QString SnapshotAccuracyPlot::dataAsCsv() const
{
    if (m_labels.isEmpty())
        return QString();
    QString csv = QStringLiteral("model,test_accuracy,val_accuracy\n");
    for (int i = 0; i < m_labels.size(); ++i)
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(m_labels[i], QString::number(m_test[i], 'g', 10), QString::number(m_validation[i], 'g', 10));
    return csv;
}

} // namespace loupe
