#include "ui/checks/FailurePlot.h"

#include "ui/common/PlotTitle.h"

#include "ui/common/DisplayFormat.h"

#include "core/checks/CheckRunResult.h"
#include "core/data/DateTime.h"
#include "core/data/Table.h"

#include <QTimeZone>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

const QColor kPassingColor(110, 140, 175);
const QColor kFailingColor(200, 40, 30);
const QColor kBoundColor(230, 120, 0);

double toAxis(double value, bool dateAxis)
{
    return dateAxis ? value / double(kNanosPerSecond) : value;
}

QString boundText(double value, bool dateAxis)
{
    if (dateAxis)
        return QString::fromStdString(formatDateTime(std::llround(value)));
    return QString::number(value, 'g', 8);
}

} // namespace

FailurePlot::FailurePlot(QWidget *parent) : PlotWidget(parent)
{
    QCustomPlot *plot = customPlot();
    m_title = addTitle(QString());

    m_passing = plot->addGraph();
    m_passing->setLineStyle(QCPGraph::lsNone);
    m_passing->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kPassingColor, kPassingColor, 4));
    m_passing->setName(tr("passing values"));
    m_failing = plot->addGraph();
    m_failing->setLineStyle(QCPGraph::lsNone);
    m_failing->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(kFailingColor, 2), QBrush(kFailingColor), 10));
    m_failing->setName(tr("failing values"));
    plot->xAxis->setLabel(tr("row"));
    plot->legend->setVisible(true);
    plot->legend->setFont(font());
    plot->legend->setBrush(QColor(255, 255, 255, 210));

    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(Qt::darkGray);
    setExportName(QStringLiteral("check-failure"));
    showMessage(tr("Run a suite and pick a failing test to plot its column"));
}

void FailurePlot::clear()
{
    QCustomPlot *plot = customPlot();
    m_passing->data()->clear();
    m_failing->data()->clear();
    for (QCPAbstractItem *item : std::as_const(m_boundItems))
        plot->removeItem(item);
    m_boundItems.clear();
    m_bounds.clear();
    m_selectedRow = -1;
    setHighlight({});
    m_columnName.clear();
    plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    plot->yAxis->setLabel(QString());
    m_message->setVisible(false);
}

void FailurePlot::showMessage(const QString &message)
{
    resetView();
    clear();
    m_title->setText(QString());
    m_message->setText(message);
    m_message->setVisible(true);
    customPlot()->legend->setVisible(false);
    requestReplot();
}

void FailurePlot::addBound(double value, const QString &label, bool dateAxis)
{
    QCustomPlot *plot = customPlot();
    auto *line = new QCPItemStraightLine(plot);
    line->point1->setCoords(0.0, toAxis(value, dateAxis));
    line->point2->setCoords(1.0, toAxis(value, dateAxis));
    line->setPen(QPen(kBoundColor, 1.5, Qt::DashLine));
    auto *text = new QCPItemText(plot);
    text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    text->position->setTypeY(QCPItemPosition::ptPlotCoords);
    text->position->setCoords(0.01, toAxis(value, dateAxis));
    text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    text->setColor(kBoundColor.darker(130));
    text->setText(QStringLiteral("%1 %2").arg(label, boundText(value, dateAxis)));
    m_bounds.push_back(value);
    m_boundItems << line << text;
}

void FailurePlot::showTest(const Table &table, const CheckTestResult &test)
{
    const AssertionOutcome &outcome = test.outcome;
    if (outcome.tableLevel)
        return showMessage(tr("%1 is a table-level test: %2")
                               .arg(QString::fromStdString(test.name),
                                    QString::fromStdString(outcome.observed.empty() ? outcome.message : outcome.observed)));
    const Column *column = outcome.columns.empty() ? nullptr : table.find(outcome.columns.front());
    if (!column || !column->isNumeric() || column->type() == ColumnType::Categorical)
        return showMessage(outcome.columns.empty()
                               ? tr("%1 names no column to plot").arg(QString::fromStdString(test.name))
                               : tr("Column %1 is not numeric; see the failing values in the tree")
                                     .arg(QString::fromStdString(outcome.columns.front())));
    resetView(); // another test's column
    clear();
    QCustomPlot *plot = customPlot();
    const bool dateAxis = column->type() == ColumnType::DateTime;
    m_columnName = QString::fromStdString(column->name());
    const std::size_t rows = column->size();
    const std::size_t stride = std::max<std::size_t>(1, rows / kMaxPassingPoints);
    const std::vector<std::uint64_t> &failing = outcome.failingRows;
    QVector<double> keys, values, failKeys, failValues;
    for (std::size_t row = 0; row < rows; row += stride) {
        const double value = column->numericAt(row);
        if (!std::isnan(value) && !std::binary_search(failing.begin(), failing.end(), row)) {
            keys.push_back(double(row));
            values.push_back(toAxis(value, dateAxis));
        }
    }
    for (std::uint64_t row : failing) {
        const double value = row < rows ? column->numericAt(row) : std::nan("");
        if (!std::isnan(value)) {
            failKeys.push_back(double(row));
            failValues.push_back(toAxis(value, dateAxis));
        }
    }
    m_passing->setData(keys, values, true);
    m_failing->setData(failKeys, failValues, true);
    if (outcome.lowerBound)
        addBound(*outcome.lowerBound, outcome.upperBound ? tr("lower bound") : tr("bound"), dateAxis);
    if (outcome.upperBound)
        addBound(*outcome.upperBound, outcome.lowerBound ? tr("upper bound") : tr("bound"), dateAxis);
    if (dateAxis) {
        auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
        ticker->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
        ticker->setDateTimeSpec(Qt::UTC);
        plot->yAxis->setTicker(ticker);
    }
    plot->yAxis->setLabel(m_columnName);
    m_title->setText(tr("%1: %n failing value(s)", nullptr, int(failing.size())).arg(m_columnName));
    plot->legend->setVisible(true);
    plot->rescaleAxes();
    QCPRange yRange = plot->yAxis->range();
    for (double bound : m_bounds)
        yRange.expand(toAxis(bound, dateAxis));
    const double pad = std::max(yRange.size() * 0.08, dateAxis ? 86400.0 : 1e-9);
    plot->yAxis->setRange(yRange.lower - pad, yRange.upper + pad);
    const double xPad = std::max(1.0, plot->xAxis->range().size() * 0.05);
    plot->xAxis->setRange(plot->xAxis->range().lower - xPad, plot->xAxis->range().upper + xPad);
    requestReplot();
}

void FailurePlot::pointClicked(const PlotPoint &point)
{
    if (point.plottable != m_passing && point.plottable != m_failing)
        return;
    const auto row = quint64(std::llround(point.key));
    setSelectedRow(qint64(row));
    Q_EMIT rowClicked(m_columnName, row);
}

void FailurePlot::setSelectedRow(qint64 row)
{
    m_selectedRow = row;
    QVector<QPointF> marks;
    for (const QCPGraph *graph : {m_passing, m_failing}) {
        if (row < 0)
            break;
        const auto it = graph->data()->findBegin(double(row), false);
        if (it != graph->data()->constEnd() && it->key == double(row))
            marks << QPointF(it->key, it->value);
    }
    setHighlight(marks);
}

QStringList FailurePlot::readoutLines(const PlotPoint &point) const
{
    QStringList lines = PlotWidget::readoutLines(point);
    if (point.plottable == m_passing || point.plottable == m_failing)
        lines << tr("click: show row %1 on the Data page").arg(formatCount(quint64(std::llround(point.key))));
    return lines;
}

int FailurePlot::failingPointCount() const
{
    return m_failing->data()->size();
}

int FailurePlot::passingPointCount() const
{
    return m_passing->data()->size();
}

QString FailurePlot::title() const
{
    return m_title->text();
}

QString FailurePlot::dataAsCsv() const
{
    if (m_columnName.isEmpty())
        return QString();
    QString csv = QStringLiteral("row,value,failing\n");
    for (const QCPGraph *graph : {m_passing, m_failing})
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
            csv += QStringLiteral("%1,%2,%3\n").arg(it->key, 0, 'f', 0).arg(it->value, 0, 'g', 17)
                       .arg(graph == m_failing ? QStringLiteral("true") : QStringLiteral("false"));
    return csv;
}

} // namespace loupe
