#include "ui/common/PlotDraft.h"

#include "ui/common/PlotInteraction.h"
#include "ui/common/PlotLegend.h"
#include "ui/common/PlotPointFinder.h"

#include <QTimer>

#include <qcustomplot.h>

namespace loupe {

PlotDraft::PlotDraft(QCustomPlot *plot, PlotInteraction *interaction) : QObject(plot), m_plot(plot)
{
    QCPLayer *main = plot->layer(QStringLiteral("main"));
    plot->addLayer(QStringLiteral("data-full"), main, QCustomPlot::limBelow);
    plot->addLayer(QStringLiteral("data-draft"), main, QCustomPlot::limBelow);
    m_full = plot->layer(QStringLiteral("data-full"));
    m_draft = plot->layer(QStringLiteral("data-draft"));
    m_draft->setVisible(false);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kSettleMs);
    connect(m_timer, &QTimer::timeout, this, &PlotDraft::settle);
    connect(interaction, &PlotInteraction::viewChanged, this, &PlotDraft::onViewChanged);
}

void PlotDraft::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled && isDrafting()) {
        m_timer->stop();
        show(false);
    }
}

bool PlotDraft::isDrafting() const
{
    return m_draft->visible();
}

QCPCurve *PlotDraft::addThinnedCopy(const QCPCurve *curve, int stride, int every)
{
    auto *copy = new QCPCurve(curve->keyAxis(), curve->valueAxis());
    copy->setLayer(m_draft);
    copy->setPen(curve->pen());
    copy->setAntialiased(false);
    copy->setName(curve->name() + QStringLiteral(" (draft)"));
    copy->removeFromLegend();
    copy->setProperty(PlotLegend::kSeriesOf, curve->name());
    copy->setProperty(PlotPointFinder::kOverlay, true);
    const QCPCurveDataContainer &data = *curve->data();
    QVector<double> t, keys, values;
    for (int line = 0, start = 0; start + stride <= data.size(); ++line, start += stride) {
        if (line % every != 0)
            continue;
        for (int i = start; i < start + stride; ++i) {
            t << data.at(i)->t;
            keys << data.at(i)->key;
            values << data.at(i)->value;
        }
    }
    copy->setData(t, keys, values, true);
    return copy;
}

void PlotDraft::onViewChanged()
{
    if (!m_enabled)
        return;
    show(true); // the replot PlotInteraction queued draws the draft
    m_timer->start();
}

void PlotDraft::settle()
{
    m_timer->stop();
    if (!isDrafting())
        return;
    show(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    Q_EMIT settled();
}

void PlotDraft::show(bool draft)
{
    m_draft->setVisible(draft);
    m_full->setVisible(!draft);
}

} // namespace loupe
