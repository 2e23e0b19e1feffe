#include "ui/common/PlotDraft.h"

#include "ui/common/PlotInteraction.h"

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
