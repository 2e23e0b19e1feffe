#include "ui/search/TrialPlot.h"

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace loupe {

TrialPlot::TrialPlot(const QString &title, const QString &emptyMessage, QWidget *parent)
    : PlotWidget(parent), m_emptyMessage(emptyMessage)
{
    QCustomPlot *plot = customPlot();
    plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title = new QCPTextElement(plot, title, titleFont);
    plot->plotLayout()->addElement(0, 0, m_title);
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
    redraw();
    requestReplot();
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
