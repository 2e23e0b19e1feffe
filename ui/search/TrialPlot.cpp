#include "ui/search/TrialPlot.h"

#include "ui/common/PlotTitle.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

namespace {

// The key and value of data point `index` of a graph or curve.
bool dataPoint(const QCPAbstractPlottable *plottable, int index, QPointF &point)
{
    if (auto *graph = qobject_cast<const QCPGraph *>(plottable)) {
        if (index < 0 || index >= graph->dataCount())
            return false;
        const auto it = graph->data()->at(index);
        point = QPointF(it->key, it->value);
        return true;
    }
    if (auto *curve = qobject_cast<const QCPCurve *>(plottable)) {
        if (index < 0 || index >= curve->dataCount())
            return false;
        const auto it = curve->data()->at(index);
        point = QPointF(it->key, it->value);
        return true;
    }
    return false;
}

} // namespace

TrialPlot::TrialPlot(const QString &title, const QString &emptyMessage, QWidget *parent)
    : PlotWidget(parent), m_emptyMessage(emptyMessage)
{
    QCustomPlot *plot = customPlot();
    m_title = addTitle(title);
    m_message = new QCPItemText(plot);
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.5);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setColor(Qt::darkGray);
    m_message->setText(emptyMessage);
}

void TrialPlot::setTrials(const SearchSpace &space, const std::vector<Trial> &trials)
{
    m_space = space;
    m_trials = trials;
    refresh();
    requestReplot();
}

void TrialPlot::refresh()
{
    m_numbers.clear();
    redraw();
    showSelection();
}

std::vector<const Trial *> TrialPlot::completedTrials() const
{
    std::vector<const Trial *> completed;
    completed.reserve(m_trials.size());
    for (const Trial &trial : m_trials)
        if (trial.state == TrialState::Complete && trial.loss && std::isfinite(*trial.loss))
            completed.push_back(&trial);
    return completed;
}

void TrialPlot::setSelectedTrial(int number)
{
    if (number == m_selected)
        return;
    m_selected = number;
    showSelection();
}

void TrialPlot::setSelectedParameter(int parameter)
{
    if (parameter == m_selectedParameter)
        return;
    m_selectedParameter = parameter;
    parameterSelectionChanged();
}

void TrialPlot::parameterShape(int, QVector<QPointF> &) const {}

void TrialPlot::parameterSelectionChanged()
{
    showSelection();
}

void TrialPlot::setTrialNumbers(QCPAbstractPlottable *plottable, QVector<int> numbers)
{
    m_numbers.insert(plottable, std::move(numbers));
}

int TrialPlot::trialAt(const PlotPoint &point) const
{
    const auto found = m_numbers.constFind(point.plottable);
    if (found == m_numbers.cend() || point.dataIndex < 0 || point.dataIndex >= found->size())
        return -1;
    return found->at(point.dataIndex);
}

void TrialPlot::selectionShape(int number, QVector<QPointF> &marks, QVector<QPointF> &) const
{
    for (auto it = m_numbers.cbegin(); it != m_numbers.cend(); ++it) {
        for (int i = 0; i < it->size(); ++i) {
            QPointF point;
            if (it->at(i) == number && dataPoint(it.key(), i, point))
                marks << point;
        }
    }
}

void TrialPlot::showSelection()
{
    QVector<QPointF> marks, line;
    if (m_selected >= 0)
        selectionShape(m_selected, marks, line);
    if (m_selectedParameter >= 0 && m_selectedParameter < m_space.size())
        parameterShape(m_selectedParameter, marks);
    setHighlight(marks, line);
}

QStringList TrialPlot::readoutLines(const PlotPoint &point) const
{
    QStringList lines = PlotWidget::readoutLines(point);
    const int number = trialAt(point);
    if (number >= 0)
        lines.insert(1, tr("trial %1").arg(number)); // under the series
    return lines;
}

void TrialPlot::pointClicked(const PlotPoint &point)
{
    const int number = trialAt(point);
    if (number < 0)
        return;
    setSelectedTrial(number);
    Q_EMIT trialClicked(number);
}

QColor TrialPlot::rankColor(double position)
{
    static QCPColorGradient gradient = [] { // viridis stops; UI thread only
        QCPColorGradient g;
        g.setColorStopAt(0.0, QColor(68, 1, 84));
        g.setColorStopAt(0.25, QColor(59, 82, 139));
        g.setColorStopAt(0.5, QColor(33, 145, 140));
        g.setColorStopAt(0.75, QColor(94, 201, 98));
        g.setColorStopAt(1.0, QColor(253, 231, 37));
        return g;
    }();
    return QColor::fromRgb(gradient.color(std::clamp(position, 0.0, 1.0), QCPRange(0.0, 1.0)));
}

void TrialPlot::setLogScale(QCPAxis *axis, bool logarithmic)
{
    if (logarithmic) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        auto ticker = QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog);
        ticker->setSubTickCount(8);
        axis->setTicker(ticker);
        axis->setNumberFormat(QStringLiteral("eb"));
        axis->setNumberPrecision(0);
    } else {
        axis->setScaleType(QCPAxis::stLinear);
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->setNumberPrecision(6);
    }
}

void TrialPlot::setMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void TrialPlot::setTitle(const QString &title)
{
    m_title->setText(title);
}

} // namespace loupe
