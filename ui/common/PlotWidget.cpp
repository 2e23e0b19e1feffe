#include "ui/common/PlotWidget.h"

#include "ui/common/PlotFrame.h"
#include "ui/common/PlotHighlight.h"
#include "ui/common/PlotInteraction.h"
#include "ui/common/PlotPointFinder.h"
#include "ui/common/PlotReadout.h"
#include "ui/common/PlotTitle.h"
#include "ui/common/PlotValueFormat.h"
#include "ui/common/RecentFolder.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QToolTip>
#include <QVBoxLayout>

#include <utility>
#include <qcustomplot.h>

namespace loupe {

PlotWidget::PlotWidget(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_layout->addWidget(m_plot, 1);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    m_plot->setToolTip(interactionHelp());
    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotWidget::showContextMenu);

    m_interaction = new PlotInteraction(m_plot);
    m_interaction->setClaimTest([this](QPointF position) {
        if (!m_legend->seriesAt(position).isEmpty())
            return PlotInteraction::Claim::ClickOnly;
        return claimsPress(position) ? PlotInteraction::Claim::Gesture : PlotInteraction::Claim::None;
    });
    m_readout = new PlotReadout(m_plot, [this](QPointF position) { return nearestPoint(position); },
                                [this](const PlotPoint &point) { return readoutLines(point); });
    m_legend = new PlotLegend(m_plot);
    m_frame = new PlotFrame(m_plot, m_legend);
    m_highlight = new PlotHighlight(m_plot);
    connect(m_interaction, &PlotInteraction::hovered, this, &PlotWidget::onHover);
    connect(m_interaction, &PlotInteraction::left, m_readout, &PlotReadout::hide);
    connect(m_interaction, &PlotInteraction::clicked, this, &PlotWidget::onClick);
}

PlotWidget::~PlotWidget() = default;

QString PlotWidget::interactionHelp()
{
    return tr("Wheel: zoom around the mouse (Ctrl: x only, Shift: y only)\n"
              "Drag: pan · Shift+drag: zoom to a box\n"
              "Double-click or 0: back to the whole plot · + / −: zoom · arrows: pan\n"
              "Hover a point to read it; click it to select what it stands for\n"
              "Click a legend entry to hide or show its series\n"
              "Right-click: view, legend, export, copy data");
}

PlotTitle *PlotWidget::addTitle(const QString &text)
{
    Q_ASSERT(!m_title);
    m_plot->plotLayout()->insertRow(0);
    m_title = new PlotTitle(m_plot, text, font());
    m_plot->plotLayout()->addElement(0, 0, m_title);
    return m_title;
}

void PlotWidget::addControlRow(QWidget *row)
{
    row->setParent(this);
    m_layout->addWidget(row);
}

void PlotWidget::setLegendCorner(Qt::Alignment corner)
{
    m_legend->setPreferredCorner(corner);
    requestReplot();
}

void PlotWidget::setHighlight(const QVector<QPointF> &marks, const QVector<QPointF> &line)
{
    m_highlight->set(marks, line);
}

Status PlotWidget::exportTo(const QString &path, QSize size) const
{
    m_readout->hide();
    m_interaction->reconcile();
    return PlotExporter::save(*m_plot, path, size);
}

void PlotWidget::copyDataToClipboard() const
{
    QApplication::clipboard()->setText(dataAsCsv());
}

void PlotWidget::resetView()
{
    m_interaction->resetView();
}

bool PlotWidget::isZoomed() const
{
    return m_interaction->isZoomed();
}

PlotPoint PlotWidget::pointAt(QPointF position) const
{
    m_interaction->reconcile();
    return nearestPoint(position);
}

PlotPoint PlotWidget::nearestPoint(QPointF position) const
{
    return PlotPointFinder::nearest(*m_plot, position, PlotReadout::kRadius);
}

QMenu *PlotWidget::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    addPlotActions(menu);
    if (!menu->isEmpty())
        menu->addSeparator();
    QAction *reset = menu->addAction(tr("Reset view"), this, &PlotWidget::resetView);
    reset->setShortcut(Qt::Key_0);
    reset->setEnabled(isZoomed());
    QAction *zoomIn = menu->addAction(tr("Zoom in"), this, [this] { m_interaction->zoomCentered(0.8); });
    zoomIn->setShortcut(Qt::Key_Plus);
    QAction *zoomOut = menu->addAction(tr("Zoom out"), this, [this] { m_interaction->zoomCentered(1.25); });
    zoomOut->setShortcut(Qt::Key_Minus);
    m_legend->addActions(menu);
    menu->addSeparator();
    menu->addAction(tr("Export as PNG…"), this, [this] { exportWithDialog(PlotExporter::Format::Png); });
    menu->addAction(tr("Export as PDF…"), this, [this] { exportWithDialog(PlotExporter::Format::Pdf); });
    menu->addAction(tr("Export as SVG…"), this, [this] { exportWithDialog(PlotExporter::Format::Svg); });
    menu->addSeparator();
    QAction *copy = menu->addAction(tr("Copy data as CSV"), this, [this] { copyDataToClipboard(); });
    copy->setEnabled(!dataAsCsv().isEmpty());
    return menu;
}

void PlotWidget::addPlotActions(QMenu *) {}

QStringList PlotWidget::readoutLines(const PlotPoint &point) const
{
    if (!point.isValid())
        return {};
    const QCPAxis *keyAxis = point.plottable->keyAxis();
    const QCPAxis *valueAxis = point.plottable->valueAxis();
    return {point.series.isEmpty() ? tr("value") : point.series,
            QStringLiteral("%1: %2").arg(PlotValueFormat::name(keyAxis), PlotValueFormat::format(keyAxis, point.key)),
            QStringLiteral("%1: %2").arg(PlotValueFormat::name(valueAxis), PlotValueFormat::format(valueAxis, point.value))};
}

void PlotWidget::pointClicked(const PlotPoint &) {}

bool PlotWidget::claimsPress(QPointF) const
{
    return false;
}

void PlotWidget::onHover(QPointF position)
{
    const QString series = m_legend->seriesAt(position);
    if (!series.isEmpty()) {
        m_readout->hide();
        QToolTip::showText(m_plot->mapToGlobal(position.toPoint() + QPoint(16, 12)),
                           m_legend->isSeriesHidden(series) ? tr("Click to show %1").arg(series)
                                                            : tr("Click to hide %1").arg(series),
                           m_plot);
        return;
    }
    if (m_title && m_title->isElided() && m_plot->layoutElementAt(position) == m_title) {
        m_readout->hide();
        QToolTip::showText(m_plot->mapToGlobal(position.toPoint() + QPoint(16, 12)), m_title->text(), m_plot);
        return;
    }
    m_readout->showAt(position);
}

void PlotWidget::onClick(QPointF position)
{
    if (const QString series = m_legend->seriesAt(position); !series.isEmpty()) {
        m_legend->toggleSeries(series);
        return;
    }
    const PlotPoint point = pointAt(position);
    if (!point.isValid())
        return;
    pointClicked(point);
    Q_EMIT pointSelected(point.series, point.key, point.value);
}

void PlotWidget::requestReplot()
{
    if (!isVisible()) {
        m_replotWhenShown = true;
        return;
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (std::exchange(m_replotWhenShown, false))
        m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PlotWidget::showContextMenu(const QPoint &position)
{
    m_readout->hide();
    QMenu *menu = createContextMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(m_plot->mapToGlobal(position));
}

void PlotWidget::exportWithDialog(PlotExporter::Format format)
{
    const QString proposed = m_exportName + QLatin1Char('.') + PlotExporter::extension(format);
    QString path = RecentFolder::getSaveFileName(this, FolderPurpose::Exports, tr("Export plot"), proposed,
                                                 PlotExporter::dialogFilter(format));
    if (path.isEmpty())
        return;
    if (!PlotExporter::formatForPath(path))
        path += QLatin1Char('.') + PlotExporter::extension(format);
    m_readout->hide();
    m_interaction->reconcile();
    const Status status = PlotExporter::save(*m_plot, path, format);
    if (!status.isOk())
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(status.message()));
}

} // namespace loupe
