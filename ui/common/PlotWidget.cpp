#include "ui/common/PlotWidget.h"

#include "ui/common/RecentFolder.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

#include <utility>
#include <qcustomplot.h>

namespace loupe {

PlotWidget::PlotWidget(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    m_plot->setToolTip(tr("Right-click to export the plot or copy its data"));
    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotWidget::showContextMenu);
}

PlotWidget::~PlotWidget() = default;

Status PlotWidget::exportTo(const QString &path, QSize size) const
{
    return PlotExporter::save(*m_plot, path, size);
}

void PlotWidget::copyDataToClipboard() const
{
    QApplication::clipboard()->setText(dataAsCsv());
}

QMenu *PlotWidget::createContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    addPlotActions(menu);
    if (!menu->isEmpty())
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
    const Status status = PlotExporter::save(*m_plot, path, format);
    if (!status.isOk())
        QMessageBox::warning(this, tr("Export failed"), QString::fromStdString(status.message()));
}

} // namespace loupe
