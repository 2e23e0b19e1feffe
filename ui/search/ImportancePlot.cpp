#include "ui/search/ImportancePlot.h"

#include "ui/common/PlotValueFormat.h"

#include <qcustomplot.h>

#include <QTimer>

#include <cmath>

namespace loupe {

namespace {
constexpr int kMinimumIntervalMs = 1000;
}

ImportancePlot::ImportancePlot(QWidget *parent)
    : TrialPlot(tr("Parameter importance"), tr("Needs at least %1 completed trials").arg(ParameterImportance::s_minimumTrials),
                parent)
{
    QCustomPlot *plot = customPlot();
    plot->xAxis->setLabel(tr("importance (share of the divergence between the best 10 % and all trials)"));
    plot->xAxis->setRange(0.0, 1.0);
    plot->yAxis->setTickLength(0, 0);
    plot->yAxis->setSubTicks(false);
    plot->yAxis->grid()->setVisible(false);
    m_pending = new QTimer(this);
    m_pending->setSingleShot(true);
    connect(m_pending, &QTimer::timeout, this, [this] {
        recompute();
        showSelection();
        requestReplot();
    });
    setExportName(QStringLiteral("parameter-importance"));
}

void ImportancePlot::redraw()
{
    m_stale = true;
    if (!isVisible())
        return;
    if (m_sinceLast.isValid() && m_sinceLast.elapsed() < kMinimumIntervalMs) {
        if (!m_pending->isActive())
            m_pending->start(int(kMinimumIntervalMs - m_sinceLast.elapsed()));
        return;
    }
    recompute();
}

void ImportancePlot::showEvent(QShowEvent *event)
{
    TrialPlot::showEvent(event);
    if (m_stale) {
        recompute();
        showSelection();
        requestReplot();
    }
}

void ImportancePlot::recompute()
{
    m_stale = false;
    m_sinceLast.start();
    QCustomPlot *plot = customPlot();
    plot->clearPlottables();
    m_entries.clear();
    const auto result = ParameterImportance::evaluate(space(), trials());
    if (!result.isOk()) {
        setMessage(space().size() == 0 ? tr("The search space has no parameters")
                                       : QString::fromStdString(result.message()));
        plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerText));
        return;
    }
    m_entries = result.value();
    setMessage({});
    auto *bars = new QCPBars(plot->yAxis, plot->xAxis);
    bars->setName(tr("importance"));
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(31, 119, 180));
    bars->setWidth(0.7);
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    const int count = int(m_entries.size());
    for (int i = 0; i < count; ++i) {
        const double key = count - 1 - i; // most important at the top
        bars->addData(key, m_entries[std::size_t(i)].importance);
        ticker->addTick(key, QString::fromStdString(m_entries[std::size_t(i)].name));
    }
    plot->yAxis->setTicker(ticker);
    plot->yAxis->setRange(-0.6, count - 0.4);
    double top = 0.0;
    for (const auto &entry : m_entries)
        top = std::max(top, entry.importance);
    plot->xAxis->setRange(0.0, std::max(0.05, top * 1.1));
}

int ImportancePlot::parameterAtKey(double key) const
{
    const int count = int(m_entries.size());
    const int index = count - 1 - int(std::lround(key)); // most important at the top
    if (index < 0 || index >= count)
        return -1;
    const std::string &name = m_entries[std::size_t(index)].name;
    for (int parameter = 0; parameter < space().size(); ++parameter)
        if (space().parameter(parameter).name == name)
            return parameter;
    return -1;
}

QStringList ImportancePlot::readoutLines(const PlotPoint &point) const
{
    const int parameter = parameterAtKey(point.key);
    if (parameter < 0)
        return TrialPlot::readoutLines(point);
    // The parameter in bold (the bar's axis has no title to name it by), then its importance.
    return {QString::fromStdString(space().parameter(parameter).name),
            tr("importance: %1").arg(PlotValueFormat::format(customPlot()->xAxis, point.value)),
            tr("click: show it on the slice plot and the parallel coordinates")};
}

void ImportancePlot::pointClicked(const PlotPoint &point)
{
    const int parameter = parameterAtKey(point.key);
    if (parameter < 0)
        return;
    setSelectedParameter(parameter);
    Q_EMIT parameterClicked(parameter);
}

void ImportancePlot::parameterShape(int parameter, QVector<QPointF> &marks) const
{
    const int count = int(m_entries.size());
    for (int i = 0; i < count; ++i)
        if (m_entries[std::size_t(i)].name == space().parameter(parameter).name)
            marks << QPointF(m_entries[std::size_t(i)].importance, count - 1 - i); // (x: importance, y: bar)
}

QString ImportancePlot::dataAsCsv() const
{
    QString csv = QStringLiteral("parameter,importance,trials_used\n");
    for (const auto &entry : m_entries)
        csv += QStringLiteral("%1,%2,%3\n")
                   .arg(QString::fromStdString(entry.name))
                   .arg(entry.importance, 0, 'g', 10)
                   .arg(entry.trialsUsed);
    return csv;
}

} // namespace loupe
