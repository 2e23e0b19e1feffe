#include "ui/learningrate/LrFinderPlot.h"

#include "ui/common/PlotTitle.h"
#include "ui/common/PlotValueFormat.h"

#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace loupe {

namespace {

const QVector<QColor> &runColors()
{
    static const QVector<QColor> colors {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127), QColor(23, 190, 207)};
    return colors;
}

bool drawableLrPoint(const LrPoint &point)
{
    return point.learningRate > 0.0 && std::isfinite(point.learningRate) && std::isfinite(point.loss);
}

} // namespace

LrFinderPlot::LrFinderPlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    addTitle(tr("Loss against learning rate"));
    plot->xAxis->setLabel(tr("learning rate (log scale)"));
    plot->yAxis->setLabel(tr("loss"));
    plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    auto ticker = QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog);
    ticker->setSubTickCount(8);
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setNumberFormat(QStringLiteral("eb"));
    plot->xAxis->setNumberPrecision(0);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    plot->legend->setFont(legendFont);
    plot->legend->setBrush(QColor(255, 255, 255, 210));
    setLegendCorner(Qt::AlignTop | Qt::AlignLeft);

    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(Qt::darkGray);
    m_message->setText(tr("Start a finder, or check a stored lr-find run"));
    setExportName(QStringLiteral("lr-finder"));
    rescale();
}

void LrFinderPlot::setCurves(QVector<LrFinderCurve> curves, int focus)
{
    m_curves = std::move(curves);
    QCustomPlot *plot = customPlot();
    plot->clearGraphs();
    clearMarkers();
    rescale(); // sets m_lossCeiling, where diverged points are drawn
    for (int i = 0; i < m_curves.size(); ++i) {
        const LrFinderCurve &curve = m_curves[i];
        const QColor color = runColors()[i % runColors().size()];
        QCPGraph *line = plot->addGraph();
        line->setName(curve.name);
        line->setPen(QPen(color, 1.8));
        if (curve.result.mode == LrFindMode::Range)
            line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));
        QCPGraph *diverged = plot->addGraph();
        diverged->setLineStyle(QCPGraph::lsNone);
        diverged->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(Qt::red, 2.0), Qt::NoBrush, 9));
        diverged->setName(tr("diverged"));
        diverged->removeFromLegend();
        for (const LrPoint &point : curve.result.points) {
            if (point.learningRate <= 0.0)
                continue;
            line->addData(point.learningRate, point.loss); // NaN: a gap
            // A diverged point (non-finite, or above the shown range) sits on the top
            // edge.
            if (point.diverged)
                diverged->addData(point.learningRate,
                    std::isfinite(point.loss) ? std::min(point.loss, m_lossCeiling) : m_lossCeiling);
        }
    }
    for (int i = 0; i < plot->graphCount(); ++i) { // one legend entry for the crosses of every run
        QCPGraph *graph = plot->graph(i);
        if (graph->lineStyle() == QCPGraph::lsNone && !graph->data()->isEmpty()) {
            graph->addToLegend();
            break;
        }
    }
    if (!m_curves.isEmpty()) {
        const LrFinderCurve &shown = m_curves[focus >= 0 && focus < m_curves.size() ? focus : m_curves.size() - 1];
        const LrSuggestions &s = shown.result.suggestions;
        int row = 0;
        if (s.recommended)
            addMarker(
                tr("recommended (%1)").arg(QString::fromStdString(s.method)), *s.recommended, QColor(0, 150, 0), row++);
        if (s.steep)
            addMarker(tr("steep"), *s.steep, QColor(0, 128, 128), row++);
        if (s.minimum && s.method != "minimum")
            addMarker(tr("min/10"), *s.minimum, QColor(120, 60, 160), row++);
    }
    plot->legend->setVisible(!m_curves.isEmpty());
    m_message->setVisible(pointCount() == 0);
    rescale();
    setPickedRate(m_pickedRate); // the ring follows the redrawn curves
    requestReplot();
}

void LrFinderPlot::clearMarkers()
{
    for (QCPAbstractItem *item : std::as_const(m_markerItems))
        customPlot()->removeItem(item);
    m_markerItems.clear();
    m_markers.clear();
}

void LrFinderPlot::addMarker(const QString &label, double rate, const QColor &color, int row)
{
    if (!(rate > 0.0) || !std::isfinite(rate))
        return;
    QCustomPlot *plot = customPlot();
    auto *line = new QCPItemStraightLine(plot);
    line->point1->setCoords(rate, 0.0);
    line->point2->setCoords(rate, 1.0);
    line->setPen(QPen(color, 1.2, Qt::DashLine));
    auto *text = new QCPItemText(plot);
    text->position->setTypeX(QCPItemPosition::ptPlotCoords);
    text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(rate, 0.04 + 0.07 * row);
    // A label right of a line in the right part of the plot would run past its edge: put it left.
    const QCPRange shown = plot->xAxis->range();
    const double along = (std::log(rate) - std::log(shown.lower)) / (std::log(shown.upper) - std::log(shown.lower));
    text->setPositionAlignment((along > 0.7 ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    text->setPadding(QMargins(4, 1, 4, 1));
    text->setBrush(QColor(255, 255, 255, 220));
    text->setColor(color);
    text->setText(QStringLiteral("%1 %2").arg(label, QString::number(rate, 'g', 3)));
    m_markerItems << line << text;
    m_markers.append({label.section(QLatin1Char(' '), 0, 0), rate});
}

void LrFinderPlot::setVerifyMarks(const QVector<LrVerifyMark> &marks)
{
    QCustomPlot *plot = customPlot();
    for (QCPAbstractItem *item : std::as_const(m_verifyItems))
        plot->removeItem(item);
    m_verifyItems.clear();
    m_verifyMarks = marks;
    for (int i = 0; i < m_verifyMarks.size(); ++i) {
        const LrVerifyMark &mark = m_verifyMarks[i];
        if (!(mark.rate > 0.0) || !std::isfinite(mark.rate))
            continue;
        const QColor color = mark.best ? QColor(0, 140, 0) : QColor(210, 110, 0);
        auto *line = new QCPItemStraightLine(plot);
        line->point1->setCoords(mark.rate, 0.0);
        line->point2->setCoords(mark.rate, 1.0);
        line->setPen(QPen(color, 1.0, Qt::DotLine));
        auto *text = new QCPItemText(plot);
        text->position->setTypeX(QCPItemPosition::ptPlotCoords);
        text->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        // Alternating heights keep neighbouring labels (a factor 3 apart) from overlapping.
        text->position->setCoords(mark.rate, i % 2 == 0 ? 0.97 : 0.88);
        text->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        text->setPadding(QMargins(3, 1, 3, 1));
        text->setBrush(QColor(255, 255, 255, 230));
        text->setPen(QPen(color));
        text->setColor(color);
        QFont font = text->font();
        font.setBold(mark.best);
        text->setFont(font);
        text->setText(QStringLiteral("\u25C6 %1").arg(mark.text));
        m_verifyItems << line << text;
    }
    rescale();
    requestReplot();
}

int LrFinderPlot::pointCount() const
{
    int count = 0;
    for (const LrFinderCurve &curve : m_curves) {
        for (const LrPoint &point : curve.result.points)
            count += drawableLrPoint(point) ? 1 : 0;
    }
    return count;
}

int LrFinderPlot::divergedCount() const
{
    int count = 0;
    for (const LrFinderCurve &curve : m_curves) {
        for (const LrPoint &point : curve.result.points)
            count += point.diverged && point.learningRate > 0.0 ? 1 : 0;
    }
    return count;
}

QStringList LrFinderPlot::markerLabels() const
{
    QStringList labels;
    for (const auto &marker : m_markers)
        labels << marker.first;
    return labels;
}

double LrFinderPlot::markerRate(const QString &label) const
{
    for (const auto &marker : m_markers) {
        if (marker.first == label)
            return marker.second;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void LrFinderPlot::rescale()
{
    double lowRate = std::numeric_limits<double>::infinity(), highRate = 0.0;
    double lowLoss = std::numeric_limits<double>::infinity(), highLoss = -lowLoss;
    for (const LrFinderCurve &curve : m_curves) {
        for (const LrPoint &point : curve.result.points) {
            if (!(point.learningRate > 0.0))
                continue;
            lowRate = std::min(lowRate, point.learningRate);
            highRate = std::max(highRate, point.learningRate);
            if (std::isfinite(point.loss)) {
                lowLoss = std::min(lowLoss, point.loss);
                highLoss = std::max(highLoss, point.loss);
            }
        }
    }
    for (const LrVerifyMark &mark : std::as_const(m_verifyMarks)) {
        if (mark.rate > 0.0 && std::isfinite(mark.rate)) {
            lowRate = std::min(lowRate, mark.rate);
            highRate = std::max(highRate, mark.rate);
        }
    }
    QCustomPlot *plot = customPlot();
    if (highRate <= 0.0) {
        plot->xAxis->setRange(1e-6, 1.0);
        plot->yAxis->setRange(0.0, 1.0);
        return;
    }
    if (highRate / lowRate < 10.0) {
        lowRate /= 3.0;
        highRate *= 3.0;
    }
    plot->xAxis->setRange(lowRate / 1.3, highRate * 1.3);
    if (!std::isfinite(lowLoss)) {
        m_lossCeiling = 1.0;
        plot->yAxis->setRange(0.0, 1.0);
        return;
    }
    // fastai-style view: the tail after divergence can be many times the starting
    // loss and would flatten the interesting part, so the range ends a little
    // above the starting losses.
    double firstLoss = lowLoss;
    for (const LrFinderCurve &curve : m_curves) {
        for (const LrPoint &point : curve.result.points) {
            if (point.learningRate > 0.0 && std::isfinite(point.loss)) {
                firstLoss = std::max(firstLoss, point.loss);
                break;
            }
        }
    }
    const double ceiling = std::min(highLoss, std::max(firstLoss * 1.5, lowLoss + 3.0 * (firstLoss - lowLoss)));
    const double pad = std::max(0.06 * (ceiling - lowLoss), 1e-3);
    m_lossCeiling = ceiling + 0.5 * pad;
    // Verification labels get a band of their own under the curve (they sit at the bottom).
    const double band = m_verifyMarks.isEmpty() ? 0.0 : 0.28 * (ceiling - lowLoss + 2.0 * pad);
    plot->yAxis->setRange(lowLoss - pad - band, ceiling + pad);
}

void LrFinderPlot::pointClicked(const PlotPoint &point)
{
    if (!(point.key > 0.0) || !std::isfinite(point.key))
        return;
    setPickedRate(point.key);
    Q_EMIT rateClicked(point.key);
}

void LrFinderPlot::setPickedRate(double rate)
{
    m_pickedRate = rate;
    QVector<QPointF> marks;
    for (int i = 0; rate > 0.0 && i < customPlot()->graphCount(); ++i) {
        const QCPGraph *graph = customPlot()->graph(i);
        const auto it = graph->data()->findBegin(rate, false);
        if (it != graph->data()->constEnd() && it->key == rate && std::isfinite(it->value)) {
            marks << QPointF(it->key, it->value);
            break;
        }
    }
    setHighlight(marks);
}

QStringList LrFinderPlot::readoutLines(const PlotPoint &point) const
{
    return PlotWidget::readoutLines(point) << tr("click: train with this rate");
}

QString LrFinderPlot::dataAsCsv() const
{
    if (m_curves.isEmpty())
        return QString();
    QString csv = QStringLiteral("run,lr,loss,diverged\n");
    for (const LrFinderCurve &curve : m_curves) {
        QString name = curve.name;
        name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        for (const LrPoint &point : curve.result.points) {
            csv += QStringLiteral("\"%1\",%2,%3,%4\n")
                       .arg(name, QString::number(point.learningRate, 'g', 10),
                           std::isfinite(point.loss) ? QString::number(point.loss, 'g', 10) : QString(),
                           point.diverged ? QStringLiteral("1") : QStringLiteral("0"));
        }
    }
    return csv;
}

} // namespace loupe
